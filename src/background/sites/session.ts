/** Connecting with the browser's own WordPress session: its login cookie plus a `wp_rest` nonce. */
import type { ConnectedSite } from '../../shared/messages.ts';
import { discoverSite } from '../../shared/wp/discover.ts';
import { fetchRestNonce } from '../../shared/wp/session.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { finishConnect, whoAmI } from './connect.ts';
import { requireOriginPermission } from './permission.ts';

export async function connectWithSession(ctx: BackgroundContext, input: { url: string }): Promise<ConnectedSite> {
  const site = await discoverSite(input.url, { fetch: ctx.fetch });
  await requireOriginPermission(ctx, new URL(site.restRoot).origin);
  const nonce = await fetchRestNonce(site.siteUrl, { fetch: ctx.fetch });
  if (nonce === null) {
    throw new ReplyError(
      'not_logged_in',
      `You are not logged in to ${site.name} in this browser. Log in to WordPress in a tab and try again, or sign in another way.`,
    );
  }
  const auth = { kind: 'cookie', nonce } as const;
  return finishConnect(ctx, site, auth, 'session', await whoAmI(ctx, site, auth));
}
