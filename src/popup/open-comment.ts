/**
 * Opens a comment where it lives: on its article (the tab already showing the article is reused and
 * scrolled to the comment; the inline view shows pending ones in place) or in wp-admin.
 */
import { browser } from '../shared/browser.ts';
import type { CommentRow, SiteRow } from '../shared/db/index.ts';

const withoutHash = (url: string) => url.replace(/#.*$/, '');

export function adminUrl(site: SiteRow, commentId: number): string {
  return `${site.siteUrl.replace(/\/$/, '')}/wp-admin/comment.php?action=editcomment&c=${commentId}`;
}

export async function openComment(comment: CommentRow, site: SiteRow, where: 'page' | 'admin'): Promise<void> {
  if (where === 'admin') {
    await browser.tabs.create({ url: adminUrl(site, comment.id) });
    return;
  }
  const target = comment.link.includes('#') ? comment.link : `${comment.link}#comment-${comment.id}`;
  const tabs = await browser.tabs.query({});
  const open = tabs.find((tab) => tab.url !== undefined && withoutHash(tab.url) === withoutHash(target));
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { url: target, active: true });
    if (open.windowId !== undefined) await browser.windows?.update(open.windowId, { focused: true });
  } else await browser.tabs.create({ url: target });
}
