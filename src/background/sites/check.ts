/**
 * What the options page can offer for a site before the user picks a sign-in: whether the browser
 * is logged in there (the preferred sign-in), and why the two Application Password sign-ins cannot
 * work, when WordPress says so. Answers at once: every question is one request WordPress answers.
 */

import { t } from '../../shared/i18n.ts';
import type { SiteCheck } from '../../shared/messages.ts';
import { DiscoveryError, discoverSite } from '../../shared/wp/discover.ts';
import type { BackgroundContext } from '../context.ts';
import { browserSession, whyNoAppPasswords } from './availability.ts';
import { requireOriginPermission } from './permission.ts';
import { httpAuthBlocksAppPasswords } from './sign-in-texts.ts';

export async function checkSite(ctx: BackgroundContext, input: { url: string }): Promise<SiteCheck> {
  let site: Awaited<ReturnType<typeof discoverSite>>;
  try {
    site = await discoverSite(input.url, { fetch: ctx.fetch, signIn: { kind: 'session' } });
  } catch (error) {
    const origin = error instanceof DiscoveryError ? error.details.origin : undefined;
    if (!origin) throw error;
    const host = new URL(origin).host;
    if (error instanceof DiscoveryError && error.reason === 'http-auth') {
      const blocked = httpAuthBlocksAppPasswords({ name: host });
      return {
        name: host,
        loggedInAs: null,
        sessionNote: t('sessionNoteHttpAuth', [host]),
        appPasswordsUnavailable: { code: blocked.code, message: blocked.message },
      };
    }
    if (error instanceof DiscoveryError && error.reason === 'rest-login-required') {
      return {
        name: host,
        loggedInAs: null,
        sessionNote: t('sessionNoteRestClosed', [host]),
        appPasswordsUnavailable: null,
      };
    }
    throw error;
  }
  await requireOriginPermission(ctx, new URL(site.restRoot).origin);
  const session = await browserSession(ctx, site);
  const unavailable = await whyNoAppPasswords(ctx, site, session);
  return {
    name: site.name,
    loggedInAs: session?.me.name ?? null,
    sessionNote: session
      ? t('sessionNoteLoggedIn', [site.name, session.me.name])
      : t('sessionNoteLoggedOut', [site.name]),
    appPasswordsUnavailable: unavailable ? { code: unavailable.code, message: unavailable.message } : null,
  };
}
