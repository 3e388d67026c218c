/** What the background does for each message. */

import { updateBadges } from './badge.ts';
import type { BackgroundContext } from './context.ts';
import type { ContentHandlers, PageHandlers } from './router.ts';
import { connectWithApplicationPassword } from './sites.ts';
import { syncAllSites, syncIfStale } from './sync/schedule.ts';
import { setTabPage } from './tab-state.ts';

export const contentHandlers: ContentHandlers = {
  async pageDetected(ctx, { page }, from) {
    // The site is whichever connected site has this page's origin: never what the page claims.
    const site = await ctx.db.sites.where('origin').equals(from.url.origin).first();
    if (!site || !page.isWordPress) {
      await setTabPage(ctx, from.tabId, null);
      return { connected: false };
    }
    await setTabPage(ctx, from.tabId, { siteId: site.id, postId: page.postId });
    await updateBadges(ctx);
    void syncIfStale(ctx, site.id).then(() => updateBadges(ctx));
    return { connected: true };
  },
};

export const pageHandlers: PageHandlers = {
  async connectSite(ctx, request) {
    const connected = await connectWithApplicationPassword(ctx, request);
    await updateBadges(ctx);
    return connected;
  },
  async syncNow(ctx, request) {
    const summaries = await syncAllSites(ctx, request.siteId);
    await updateBadges(ctx);
    return summaries;
  },
};

export async function refreshEverything(ctx: BackgroundContext): Promise<void> {
  await syncAllSites(ctx);
  await updateBadges(ctx);
}
