/**
 * Which sign-ins can work on a discovered site for the person at this browser, decided from what
 * WordPress itself says: the REST index's `authentication.application-passwords` entry (left out
 * when the site has none), the application-passwords route for the logged-in user
 * (`application_passwords_disabled` / `application_passwords_disabled_for_user`), and whether a
 * web server's password stands in front of WordPress.
 */
import { appPasswordsForSessionUser } from '../../shared/wp/application-passwords.ts';
import type { DiscoveredSite } from '../../shared/wp/discover.ts';
import type { WpUserMe } from '../../shared/wp/schemas.ts';
import { fetchRestNonce } from '../../shared/wp/session.ts';
import type { BackgroundContext } from '../context.ts';
import type { ReplyError } from '../reply-error.ts';
import { whoAmI } from './connect.ts';
import { appPasswordsOffForAccount, appPasswordsOffForSite, httpAuthBlocksAppPasswords } from './sign-in-texts.ts';

export interface BrowserSession {
  nonce: string;
  me: WpUserMe;
}

/** The user this browser is logged in to the site as, with a `wp_rest` nonce; null when nobody. */
export async function browserSession(ctx: BackgroundContext, site: DiscoveredSite): Promise<BrowserSession | null> {
  // Logged out or unreachable: either way no session to use (the sign-in's own requests say why).
  const nonce = await fetchRestNonce(site.siteUrl, { fetch: ctx.fetch }).catch(() => null);
  if (nonce === null) return null;
  // Not logged in (the nonce belongs to a visitor): no session.
  const me = await whoAmI(ctx, site, { kind: 'cookie', nonce }).catch(() => null);
  return me ? { nonce, me } : null;
}

/**
 * Why neither WordPress's authorize screen nor a pasted Application Password can work here, or null
 * when they can (as far as WordPress says: without a session, the account itself is not asked).
 */
export async function whyNoAppPasswords(
  ctx: BackgroundContext,
  site: DiscoveredSite,
  session: BrowserSession | null,
): Promise<ReplyError | null> {
  if (site.httpAuthRealm !== null) return httpAuthBlocksAppPasswords(site);
  if (site.authorizeEndpoint === null) return appPasswordsOffForSite(site);
  if (!session) return null;
  const availability = await appPasswordsForSessionUser(site.restRoot, session.nonce, { fetch: ctx.fetch });
  if (availability === 'site-off') return appPasswordsOffForSite(site);
  if (availability === 'account-off') return appPasswordsOffForAccount(site, session.me.name);
  return null;
}
