/** Connecting with an Application Password pasted by hand. */
import type { ConnectedSite } from '../../shared/messages.ts';
import { DiscoveryError } from '../../shared/wp/discover.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { WpUserMe } from '../../shared/wp/schemas.ts';
import type { BackgroundContext } from '../context.ts';
import { finishConnect, whoAmI } from './connect.ts';
import { discoverFor } from './discovery.ts';
import { diagnoseRejectedPassword } from './password-diagnosis.ts';
import { requireOriginPermission } from './permission.ts';
import { appPasswordsOffForSite } from './sign-in-texts.ts';

export async function connectWithPassword(
  ctx: BackgroundContext,
  input: { url: string; username: string; password: string },
): Promise<ConnectedSite> {
  const auth = { kind: 'application-password', username: input.username.trim(), password: input.password } as const;
  let site: Awaited<ReturnType<typeof discoverFor>>;
  try {
    site = await discoverFor(ctx, input.url, auth);
  } catch (error) {
    // A REST API closed to visitors that refused this password too: the password is the question.
    const closed = error instanceof DiscoveryError && error.reason === 'rest-login-required' ? error.details : null;
    if (!closed?.restRoot || !closed.origin) throw error;
    await requireOriginPermission(ctx, closed.origin);
    const where = { name: new URL(closed.origin).host, restRoot: closed.restRoot, siteUrl: closed.origin };
    throw await diagnoseRejectedPassword(ctx, { ...where, siteOffers: null }, auth, { restCode: null });
  }
  await requireOriginPermission(ctx, new URL(site.restRoot).origin);
  // WordPress's own word that the site has none: no point sending one.
  if (site.authorizeEndpoint === null) throw appPasswordsOffForSite(site);
  let me: WpUserMe;
  try {
    me = await whoAmI(ctx, site, auth);
  } catch (error) {
    if (error instanceof WpError && error.kind === 'auth') {
      throw await diagnoseRejectedPassword(ctx, { ...site, siteOffers: true }, auth, { restCode: error.code });
    }
    throw error;
  }
  return finishConnect(ctx, site, auth, 'password', me);
}
