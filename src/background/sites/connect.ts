/**
 * The part every sign-in shares: find out who the user is and what they may do, store the site
 * and its sign-in, register the content script for its origin, pull the queue.
 */
import type { SignInMethod, SiteMode } from '../../shared/db/index.ts';
import type { ConnectedSite } from '../../shared/messages.ts';
import { createWpClient, type WpAuth } from '../../shared/wp/client.ts';
import type { DiscoveredSite } from '../../shared/wp/discover.ts';
import type { WpUserMe } from '../../shared/wp/schemas.ts';
import { registerContentScript } from '../content-scripts.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { syncPending } from '../sync/pull-pending.ts';

export function modeOf(me: WpUserMe): SiteMode | null {
  const capabilities = me.capabilities ?? {};
  if (capabilities.moderate_comments) return 'moderator';
  // Authors may moderate comments on their own published posts (edit_comment maps to edit_post);
  // contributors may not.
  if (capabilities.edit_published_posts) return 'author';
  return null;
}

export async function finishConnect(
  ctx: BackgroundContext,
  site: DiscoveredSite,
  auth: Exclude<WpAuth, { kind: 'none' }>,
  signIn: SignInMethod,
  me: WpUserMe,
): Promise<ConnectedSite> {
  const mode = modeOf(me);
  if (mode === null) {
    throw new ReplyError('no_rights', `${me.name} may not moderate comments on ${site.name}.`);
  }
  const siteId = site.restRoot;
  const origin = new URL(site.restRoot).origin;
  await ctx.db.transaction('rw', ctx.db.sites, ctx.db.credentials, async () => {
    await ctx.db.sites.put({
      id: siteId,
      origin,
      name: site.name,
      home: site.home,
      siteUrl: site.siteUrl,
      signIn,
      userId: me.id,
      userName: me.name,
      mode,
      status: 'connected',
      statusMessage: null,
      connectedAt: ctx.now(),
      lastSyncAt: null,
      pendingTotal: 0,
    });
    await ctx.db.credentials.put({ siteId, auth });
  });
  await registerContentScript(ctx, origin);
  // The site is connected even if this first pull fails; its status line says why.
  await syncPending(ctx, siteId).catch(() => undefined);
  return { siteId, name: site.name, userName: me.name, mode, signIn };
}

/** users/me with the given sign-in. */
export function whoAmI(ctx: BackgroundContext, site: DiscoveredSite, auth: WpAuth): Promise<WpUserMe> {
  return createWpClient({ root: site.restRoot, auth, fetch: ctx.fetch, now: ctx.now }).me();
}
