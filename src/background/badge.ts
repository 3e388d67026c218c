/**
 * The toolbar badge follows the page (product.md, feature 2): on an article of a connected site
 * with pending comments it shows that article's count; everywhere else the total pending across
 * all connected sites. The tooltip says which of the two it is.
 */
import { t } from '../shared/i18n.ts';
import type { BackgroundContext } from './context.ts';
import { allTabPages } from './tab-state.ts';

const articleColor = '#1f7a52';
const totalColor = '#5f6368';

export async function countPending(ctx: BackgroundContext, siteId?: string, postId?: number): Promise<number> {
  if (siteId !== undefined && postId !== undefined) {
    return ctx.db.comments.where('[siteId+post+status]').equals([siteId, postId, 'hold']).count();
  }
  return ctx.db.comments.where('status').equals('hold').count();
}

export async function updateBadges(ctx: BackgroundContext): Promise<void> {
  const { action } = ctx.browser;
  const total = await countPending(ctx);
  const totalText = total > 0 ? String(total) : '';
  const totalTitle = total > 0 ? t('badgeTotalTitle', [String(total)]) : t('actionTitle');
  await action.setBadgeText({ text: totalText });
  await action.setBadgeBackgroundColor({ color: totalColor });
  await action.setTitle({ title: totalTitle });
  for (const [tabId, page] of await allTabPages(ctx)) {
    const onArticle = page.postId === null ? 0 : await countPending(ctx, page.siteId, page.postId);
    try {
      if (onArticle > 0) {
        await action.setBadgeText({ tabId, text: String(onArticle) });
        await action.setBadgeBackgroundColor({ tabId, color: articleColor });
        await action.setTitle({ tabId, title: t('badgeArticleTitle', [String(onArticle)]) });
      } else {
        await action.setBadgeText({ tabId, text: totalText });
        await action.setBadgeBackgroundColor({ tabId, color: totalColor });
        await action.setTitle({ tabId, title: totalTitle });
      }
    } catch {
      // The tab was closed meanwhile.
    }
  }
}
