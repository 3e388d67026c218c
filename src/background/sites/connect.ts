/**
 * The part every sign-in shares: find out who the user is and what they may do, store the site
 * and its sign-in, register the content script for its origin, pull the queue.
 */
import type { SignInMethod, SiteMode } from '../../shared/db/index.ts';
import type { ConnectedSite } from '../../shared/messages.ts';
import { reportError } from '../../shared/report-error.ts';
import { createWpClient, type WpAuth } from '../../shared/wp/client.ts';
import type { DiscoveredSite } from '../../shared/wp/discover.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { WpUserMe } from '../../shared/wp/schemas.ts';
import { registerContentScript } from '../content-scripts.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { syncPending } from '../sync/pull-pending.ts';
import { commentsApiRefused } from './sign-in-texts.ts';

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
  await requireCommentsAccess(ctx, site, auth, me);
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
      bridge: site.bridge,
    });
    await ctx.db.credentials.put({ siteId, auth });
  });
  await registerContentScript(ctx, origin);
  // The site is connected even if this first pull fails; its status line says why.
  await syncPending(ctx, siteId).catch((error: unknown) =>
    reportError(error, { where: 'background: first sync', silent: true }),
  );
  return { siteId, name: site.name, userName: me.name, mode, signIn };
}

/** users/me with the given sign-in. */
export function whoAmI(ctx: BackgroundContext, site: DiscoveredSite, auth: WpAuth): Promise<WpUserMe> {
  return createWpClient({ root: site.restRoot, auth, fetch: ctx.fetch, now: ctx.now }).me();
}

/**
 * The comments routes themselves may be closed to this user although WordPress would allow them
 * (Solid Security's restricted REST refuses them to everyone without `moderate_comments`): ask once,
 * the way the sync will, and refuse to connect with the reason rather than connect a site that can
 * never sync. Other failures are left to the first sync, whose status line says what happened.
 */
async function requireCommentsAccess(
  ctx: BackgroundContext,
  site: DiscoveredSite,
  auth: WpAuth,
  me: WpUserMe,
): Promise<void> {
  const client = createWpClient({ root: site.restRoot, auth, fetch: ctx.fetch, now: ctx.now });
  try {
    await client.listCommentIds({ status: 'hold', type: 'all', perPage: 1 });
  } catch (error) {
    if (error instanceof WpError && error.kind === 'forbidden') {
      throw commentsApiRefused(site, me.name, error);
    }
  }
}
