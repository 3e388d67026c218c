/**
 * A commenter's history asked for on the article (the inline toolbar's "History"): the queue opens
 * in a tab next to the article with the history panel of that comment — the popup's own panel, with
 * the same data and "act on all of them" (ADR 028). The comment must be on the sender's article and
 * the user's to moderate; one the theme shows but the cache lacks is read first (the panel reads
 * whom it is about from the cache).
 */
import type { InlineHistoryRequest } from '../../shared/messages.ts';
import type { BackgroundContext } from '../context.ts';
import { queuePage } from '../notify.ts';
import { checkMayModerate, ensureCached } from './decide-inline.ts';
import { postOfSender, siteOfSender } from './sender-site.ts';

/** The queue page's address that opens a comment's history (read by popup/history/from-query.ts). */
export function historyPageUrl(base: string, siteId: string, commentId: number, author: string, tabId: number): string {
  const url = new URL(base);
  url.searchParams.set('tab', String(tabId));
  url.searchParams.set('historySite', siteId);
  url.searchParams.set('historyComment', String(commentId));
  url.searchParams.set('historyName', author);
  return url.href;
}

export async function openHistoryFromArticle(
  ctx: BackgroundContext,
  request: InlineHistoryRequest,
  from: { tabId: number; url: URL },
): Promise<{ opened: true }> {
  const site = await siteOfSender(ctx, from);
  const postId = await postOfSender(ctx, from, site);
  await ensureCached(ctx, site, [request.commentId]);
  const [comment] = await checkMayModerate(ctx, site, postId, [request.commentId]);
  const base = ctx.browser.runtime.getURL(queuePage);
  await ctx.browser.tabs.create({
    url: historyPageUrl(base, site.id, request.commentId, comment?.authorName ?? '', from.tabId),
    active: true,
  });
  return { opened: true };
}
