/**
 * Why WordPress refused an Application Password. Over REST it usually cannot be told: WordPress
 * collects the reason (`incorrect_password`, `application_passwords_disabled_for_user`, …) only
 * after it has decided the request is anonymous, so a wrong password, an account without
 * Application Passwords and a password the web server never passed on all answer
 * `401 rest_not_logged_in` (checked on 6.1 and 7.1; a plugin that asks for the user early makes
 * WordPress send the real code, which is read first). So the other witnesses are asked, each only
 * when the ones before have not settled it:
 *   1. the REST index: does the site offer Application Passwords at all;
 *   2. WordPress, for the account: does it offer them to this one (users/<id>/application-passwords);
 *   3. XML-RPC, where credentials travel in the body: are they right;
 *   4. WordPress's own Authorization-header check (Site Health), with an administrator's session.
 * Where none can answer, the user is told exactly that, with both causes and both fixes.
 */

import type { AppPasswordsAvailability } from '../../shared/wp/application-passwords.ts';
import { appPasswordsForAccount, authorizationHeaderEcho } from '../../shared/wp/application-passwords.ts';
import { fetchRestNonce } from '../../shared/wp/session.ts';
import { type CredentialCheck, checkCredentialsOverXmlRpc } from '../../shared/wp/xmlrpc-probe.ts';
import type { BackgroundContext } from '../context.ts';
import type { ReplyError } from '../reply-error.ts';
import {
  appPasswordsOffForAccount,
  appPasswordsOffForSite,
  authorizationHeaderStripped,
  credentialsUnclear,
  wrongCredentials,
} from './sign-in-texts.ts';

export interface RejectionEvidence {
  /** WordPress's error code for the refused REST request */
  restCode: string | null;
  /** the REST index offers Application Passwords; null when the index could not be read */
  siteOffers: boolean | null;
  /** WordPress created this password a moment ago for the signed-in user (the authorize screen) */
  passwordFresh: boolean;
  account: AppPasswordsAvailability;
  header: 'arrives' | 'missing' | 'unknown' | 'not-asked';
  xmlrpc: CredentialCheck | 'not-asked';
}

export type Rejection =
  | { kind: 'site-off' }
  | { kind: 'account-off' }
  | { kind: 'header-stripped'; passwordRight: boolean }
  | { kind: 'wrong'; certain: boolean }
  | { kind: 'cannot-tell'; xmlrpc: 'disabled' | 'blocked' | 'unreachable' };

/** WordPress's codes when it saw the credentials and found them wrong. */
const wrongCodes = new Set(['incorrect_password', 'invalid_username', 'invalid_email']);

/** What the evidence says; null while a witness not asked yet could still tell. */
export function explainRejection(evidence: RejectionEvidence): Rejection | null {
  const { restCode, account, header, xmlrpc } = evidence;
  if (evidence.siteOffers === false || restCode === 'application_passwords_disabled' || account === 'site-off') {
    return { kind: 'site-off' };
  }
  if (restCode === 'application_passwords_disabled_for_user' || account === 'account-off')
    return { kind: 'account-off' };
  if (restCode !== null && wrongCodes.has(restCode)) return { kind: 'wrong', certain: true };
  // WordPress has just made this password for this account: if REST saw nobody, it never arrived.
  if (evidence.passwordFresh || xmlrpc === 'valid') return { kind: 'header-stripped', passwordRight: true };
  if (header === 'missing') return { kind: 'header-stripped', passwordRight: false };
  // XML-RPC's refusal covers a wrong password and an account without Application Passwords alike.
  if (xmlrpc === 'rejected' || header === 'arrives') return { kind: 'wrong', certain: account === 'available' };
  if (xmlrpc === 'not-asked' || header === 'not-asked') return null;
  return { kind: 'cannot-tell', xmlrpc };
}

/** Asks the witnesses one after another until the evidence settles it, and says it to the user. */
export async function diagnoseRejectedPassword(
  ctx: BackgroundContext,
  site: { name: string; restRoot: string; siteUrl: string; siteOffers: boolean | null },
  credentials: { username: string; password: string },
  { restCode, passwordFresh = false }: { restCode: string | null; passwordFresh?: boolean },
): Promise<ReplyError> {
  const call = { fetch: ctx.fetch };
  const evidence: RejectionEvidence = {
    restCode,
    siteOffers: site.siteOffers,
    passwordFresh,
    account: 'unknown',
    header: 'not-asked',
    xmlrpc: 'not-asked',
  };
  const asking: (() => Promise<void>)[] = [
    async () => {
      evidence.account = await appPasswordsForAccount(site.restRoot, credentials.username, call);
    },
    async () => {
      const { username, password } = credentials;
      evidence.xmlrpc = await checkCredentialsOverXmlRpc(site.siteUrl, username, password, call);
    },
    async () => {
      // No session to test the header with: the evidence says "unknown", which the diagnosis handles.
      const nonce = await fetchRestNonce(site.siteUrl, call).catch(() => null);
      evidence.header = nonce === null ? 'unknown' : await authorizationHeaderEcho(site.restRoot, nonce, call);
    },
  ];
  let rejection = explainRejection(evidence);
  for (const ask of asking) {
    if (rejection) break;
    await ask();
    rejection = explainRejection(evidence);
  }
  return toReplyError(site, credentials.username, rejection ?? { kind: 'cannot-tell', xmlrpc: 'blocked' });
}

function toReplyError(site: { name: string; siteUrl: string }, username: string, rejection: Rejection): ReplyError {
  switch (rejection.kind) {
    case 'site-off':
      return appPasswordsOffForSite(site);
    case 'account-off':
      return appPasswordsOffForAccount(site, username);
    case 'header-stripped':
      return authorizationHeaderStripped(site, rejection.passwordRight);
    case 'wrong':
      return wrongCredentials(site, rejection.certain);
    case 'cannot-tell':
      return credentialsUnclear(site, rejection.xmlrpc);
  }
}
