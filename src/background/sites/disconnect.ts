/**
 * Disconnecting erases everything of a site: sign-in, cached comments and posts, the content
 * script registration and the host permission (unless another connected site shares them).
 */
import { unregisterContentScript } from '../content-scripts.ts';
import type { BackgroundContext } from '../context.ts';
import { allTabPages, setTabPage } from '../tab-state.ts';
import { originPattern, releaseOriginPermission } from './permission.ts';

export async function disconnectSite(ctx: BackgroundContext, siteId: string): Promise<{ siteId: string }> {
  const site = await ctx.db.sites.get(siteId);
  if (!site) return { siteId };
  const { db } = ctx;
  await db.transaction('rw', db.sites, db.credentials, db.comments, db.posts, async () => {
    await db.comments.where('[siteId+status]').between([siteId, ''], [siteId, '\uffff']).delete();
    await db.posts.where('[siteId+id]').between([siteId, 0], [siteId, Number.MAX_SAFE_INTEGER]).delete();
    await db.credentials.delete(siteId);
    await db.sites.delete(siteId);
  });
  const pattern = originPattern(site.origin);
  const sharing = (await db.sites.toArray()).some((other) => originPattern(other.origin) === pattern);
  if (!sharing) {
    await unregisterContentScript(ctx, site.origin);
    await releaseOriginPermission(ctx, site.origin);
  }
  for (const [tabId, page] of await allTabPages(ctx)) {
    if (page.siteId === siteId) await setTabPage(ctx, tabId, null);
  }
  return { siteId };
}
