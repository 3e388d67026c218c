/**
 * Tells the articles open on a site that what they show changed (a decision, its outcome, a sync),
 * so their inline view asks again. Only the extension can message a content script: a page cannot
 * forge this, and it carries no data.
 */
import { changedMessageType } from '../../shared/inline-protocol.ts';
import { updateBadges } from '../badge.ts';
import type { BackgroundContext } from '../context.ts';
import { allTabPages } from '../tab-state.ts';

export async function notifyTabs(ctx: BackgroundContext, siteId?: string): Promise<void> {
  for (const [tabId, page] of await allTabPages(ctx)) {
    if (siteId !== undefined && page.siteId !== siteId) continue;
    if (page.postId === null) continue;
    try {
      await ctx.browser.tabs.sendMessage(tabId, { type: changedMessageType });
    } catch {
      // A tab without our script (closed, navigated) has nothing to be told.
    }
  }
}

/** After the cache changed: the badge and the open articles follow. */
export async function refreshViews(ctx: BackgroundContext, siteId?: string): Promise<void> {
  await updateBadges(ctx);
  await notifyTabs(ctx, siteId);
}
