/**
 * Connecting a site with an Application Password (the minimal connect step; the browser-session
 * and authorize-screen sign-ins build on it).
 */
import type { ConnectedSite } from '../shared/messages.ts';
import { createWpClient } from '../shared/wp/client.ts';
import { discoverSite } from '../shared/wp/discover.ts';
import { WpError } from '../shared/wp/errors.ts';
import { originPattern, registerContentScript } from './content-scripts.ts';
import type { BackgroundContext } from './context.ts';
import { ReplyError } from './reply-error.ts';
import { syncPending } from './sync/pull-pending.ts';

export async function connectWithApplicationPassword(
  ctx: BackgroundContext,
  input: { url: string; username: string; password: string },
): Promise<ConnectedSite> {
  const discovered = await discoverSite(input.url, { fetch: ctx.fetch });
  const origin = new URL(discovered.restRoot).origin;
  const granted = await ctx.browser.permissions.contains({ origins: [originPattern(origin)] });
  if (!granted) {
    throw new ReplyError(
      'permission_missing',
      `Freigabe may not access ${origin} yet. Allow it when your browser asks.`,
    );
  }
  const auth = { kind: 'application-password', username: input.username.trim(), password: input.password } as const;
  const client = createWpClient({ root: discovered.restRoot, auth, fetch: ctx.fetch, now: ctx.now });
  let me: Awaited<ReturnType<typeof client.me>>;
  try {
    me = await client.me();
  } catch (error) {
    if (error instanceof WpError && error.kind === 'auth') {
      // WordPress treats a wrong Application Password as nobody at all: it never says "wrong password".
      throw new ReplyError(
        'wrong_credentials',
        `${discovered.name} did not accept this user name and Application Password. Check both, or create a new Application Password in your WordPress profile.`,
      );
    }
    throw error;
  }
  const capabilities = me.capabilities ?? {};
  const mode = capabilities.moderate_comments ? 'moderator' : capabilities.edit_posts ? 'author' : null;
  if (mode === null) {
    throw new ReplyError('no_rights', `${me.name} may not moderate comments on ${discovered.name}.`);
  }
  const siteId = discovered.restRoot;
  await ctx.db.transaction('rw', ctx.db.sites, ctx.db.credentials, async () => {
    await ctx.db.sites.put({
      id: siteId,
      origin,
      name: discovered.name,
      home: discovered.home,
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
  await syncPending(ctx, siteId);
  return { siteId, name: discovered.name, userName: me.name, mode };
}
