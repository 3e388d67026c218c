/**
 * Discovery for a sign-in: asks as a visitor, and where the site refuses visitors, again with the
 * sign-in being set up. The two refusals a sign-in cannot get past become the user's message here.
 */
import { type DiscoveredSite, DiscoveryError, type DiscoverySignIn, discoverSite } from '../../shared/wp/discover.ts';
import { authHeaders } from '../../shared/wp/transport.ts';
import type { BackgroundContext } from '../context.ts';
import { httpAuthBlocksAppPasswords, httpAuthLocked, restClosedToVisitors } from './sign-in-texts.ts';

export type SignInAttempt = { kind: 'session' } | { kind: 'application-password'; username: string; password: string };

export function discoverySignIn(attempt: SignInAttempt): DiscoverySignIn {
  if (attempt.kind === 'session') return attempt;
  return { kind: 'authorization', header: authHeaders({ ...attempt }).Authorization ?? '' };
}

/**
 * The site, or a ReplyError saying why this sign-in cannot reach it. A REST API closed to visitors
 * is left to the caller when an Application Password was refused there (its diagnosis says more).
 */
export async function discoverFor(
  ctx: BackgroundContext,
  url: string,
  attempt: SignInAttempt,
): Promise<DiscoveredSite> {
  try {
    return await discoverSite(url, { fetch: ctx.fetch, signIn: discoverySignIn(attempt) });
  } catch (error) {
    if (!(error instanceof DiscoveryError)) throw error;
    const host = error.details.origin ? new URL(error.details.origin).host : url;
    if (error.reason === 'http-auth') {
      throw attempt.kind === 'session' ? httpAuthLocked(host) : httpAuthBlocksAppPasswords({ name: host });
    }
    if (error.reason === 'rest-login-required' && attempt.kind === 'session') throw restClosedToVisitors(host);
    throw error;
  }
}
