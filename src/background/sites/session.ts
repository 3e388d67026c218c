/** Connecting with the browser's own WordPress session: its login cookie plus a `wp_rest` nonce. */
import { t } from '../../shared/i18n.ts';
import type { ConnectedSite } from '../../shared/messages.ts';
import { fetchRestNonce } from '../../shared/wp/session.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { finishConnect, whoAmI } from './connect.ts';
import { discoverFor } from './discovery.ts';
import { requireOriginPermission } from './permission.ts';

export async function connectWithSession(ctx: BackgroundContext, input: { url: string }): Promise<ConnectedSite> {
  const site = await discoverFor(ctx, input.url, { kind: 'session' });
  await requireOriginPermission(ctx, new URL(site.restRoot).origin);
  const nonce = await fetchRestNonce(site.siteUrl, { fetch: ctx.fetch });
  if (nonce === null) {
    throw new ReplyError('not_logged_in', t('sessionNotLoggedIn', [site.name]));
  }
  const auth = { kind: 'cookie', nonce } as const;
  return finishConnect(ctx, site, auth, 'session', await whoAmI(ctx, site, auth));
}
