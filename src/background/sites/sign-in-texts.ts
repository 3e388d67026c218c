/**
 * What Freigabe tells a user whose sign-in cannot work on a site: the real cause (the site's
 * setting, never the user's fault) and what changes it, in the browser's language. One place for
 * these texts, so the options page, the authorize callback and the background say the same.
 */
import { t } from '../../shared/i18n.ts';
import { ReplyError } from '../reply-error.ts';

/** WordPress offers Application Passwords only over HTTPS, unless the site is a local one. */
function servedOverPlainHttp(siteUrl: string): boolean {
  const url = new URL(siteUrl);
  return url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function appPasswordsOffForSite(site: { name: string; siteUrl: string }): ReplyError {
  return new ReplyError(
    'application_passwords_disabled',
    t(servedOverPlainHttp(site.siteUrl) ? 'appPasswordsOffOverHttp' : 'appPasswordsOff', [site.name]),
  );
}

/** `account`: the user's display name, or the login they typed. */
export function appPasswordsOffForAccount(site: { name: string }, account: string): ReplyError {
  return new ReplyError(
    'application_passwords_disabled_for_user',
    t('appPasswordsOffForAccount', [site.name, account]),
  );
}

export function httpAuthBlocksAppPasswords(site: { name: string }): ReplyError {
  return new ReplyError('http_auth_blocks_application_passwords', t('httpAuthBlocksAppPasswords', [site.name]));
}

/** The web server asks for its password and the browser does not hold it (yet). */
export function httpAuthLocked(host: string): ReplyError {
  return new ReplyError('http_auth_required', t('httpAuthLocked', [host]));
}

/** The REST API answers only signed-in users, and this sign-in is not one (yet). */
export function restClosedToVisitors(host: string): ReplyError {
  return new ReplyError('rest_login_required', t('restClosedToVisitors', [host]));
}

export function authorizationHeaderStripped(site: { name: string }, passwordRight: boolean): ReplyError {
  return new ReplyError(
    'authorization_header_stripped',
    t(passwordRight ? 'headerStrippedPasswordRight' : 'headerStripped', [site.name]),
  );
}

/** `certain`: WordPress saw the credentials, and Application Passwords are available to the account. */
export function wrongCredentials(site: { name: string }, certain: boolean): ReplyError {
  return new ReplyError(
    'wrong_credentials',
    t(certain ? 'wrongCredentials' : 'wrongCredentialsOrAccount', [site.name]),
  );
}

export function credentialsUnclear(site: { name: string }, xmlrpc: 'disabled' | 'blocked' | 'unreachable'): ReplyError {
  return new ReplyError(
    'credentials_not_checked',
    t(xmlrpc === 'disabled' ? 'credentialsUnclearXmlrpcOff' : 'credentialsUnclearXmlrpcBlocked', [site.name]),
  );
}

/** A security plugin refuses the user the comments routes (`itsec_rest_api_access_restricted`, or another code). */
export function commentsApiRefused(
  site: { name: string },
  user: string,
  refusal: { code: string | null; message: string },
): ReplyError {
  return new ReplyError(
    'comments_api_refused',
    refusal.code === 'itsec_rest_api_access_restricted'
      ? t('commentsApiRefusedBySolidSecurity', [site.name, user])
      : t('commentsApiRefused', [site.name, user, `${refusal.code ?? 'HTTP 403'}: ${refusal.message}`]),
  );
}

/** WordPress showed its own error page on the authorize screen; `wordpressSays` is its text. */
export function authorizeRefused(site: { name: string }, wordpressSays: string): ReplyError {
  return new ReplyError('authorization_refused', t('authorizeRefused', [site.name, wordpressSays.trim() || '—']));
}
