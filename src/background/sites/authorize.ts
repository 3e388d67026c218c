/**
 * Connecting through WordPress's own authorize screen (wp-admin/authorize-application.php): the
 * user approves Freigabe there, WordPress creates an Application Password and sends the tab to our
 * callback page with it. The password goes from that page straight to us — never to a server.
 *
 * The screen is opened only where WordPress says it can work (see availability.ts); where WordPress
 * refuses it anyway (the user logs in there as an account without Application Passwords), its
 * error page has no way back to us, so authorize-watch.ts brings the tab back with the reason.
 */
import type { ConnectedSite } from '../../shared/messages.ts';
import type { DiscoveredSite } from '../../shared/wp/discover.ts';
import { WpError } from '../../shared/wp/errors.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { browserSession, whyNoAppPasswords } from './availability.ts';
import { finishConnect, whoAmI } from './connect.ts';
import { discoverFor } from './discovery.ts';
import { diagnoseRejectedPassword } from './password-diagnosis.ts';
import { requireOriginPermission } from './permission.ts';
import { authorizeRefused } from './sign-in-texts.ts';

/** Freigabe's app id: WordPress groups the Application Passwords it creates for us under it. */
export const freigabeAppId = '6f7c2b1e-4a53-4d0b-9a3e-5f0c8d2e7b41';
export const callbackPage = 'src/connect/callback.html';
const pendingTtlMs = 30 * 60_000;
/** a started sign-in, by its one-time state */
export const pendingKey = (state: string) => `authorize:${state}`;
const key = pendingKey;
/** the authorize tab → its state, for authorize-watch.ts */
export const tabKey = (tabId: number) => `authorize-tab:${tabId}`;

interface PendingAuthorization {
  site: DiscoveredSite;
  createdAt: number;
  tabId?: number;
}

/**
 * The name WordPress lists the Application Password under. WordPress refuses a name a user already
 * has ("Each application name should be unique"), so connecting from a second browser or again
 * later needs its own: browser, date and a short random tag.
 */
export function applicationName(userAgent: string, now: number): string {
  const browserName = /Firefox\//.test(userAgent) ? 'Firefox' : /Edg\//.test(userAgent) ? 'Edge' : 'Chrome';
  const tag = Array.from(crypto.getRandomValues(new Uint8Array(2)), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );
  return `Freigabe (${browserName}, ${new Date(now).toISOString().slice(0, 10)}, ${tag})`;
}

function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Opens WordPress's authorize screen in a new tab, where the site allows it; otherwise says why not. */
export async function startAuthorization(
  ctx: BackgroundContext,
  input: { url: string },
): Promise<{ authorizeUrl: string }> {
  // The screen needs a WordPress login in this browser anyway: discovery may use it.
  const site = await discoverFor(ctx, input.url, { kind: 'session' });
  await requireOriginPermission(ctx, new URL(site.restRoot).origin);
  const unavailable = await whyNoAppPasswords(ctx, site, await browserSession(ctx, site));
  if (unavailable) throw unavailable;
  const state = randomState();
  const pending: PendingAuthorization = { site, createdAt: ctx.now() };
  // storage.session: survives the worker's restarts, not the browser's; content scripts cannot read it.
  await ctx.browser.storage.session.set({ [key(state)]: pending });
  const callback = new URL(ctx.browser.runtime.getURL(callbackPage));
  callback.searchParams.set('state', state);
  const rejected = new URL(callback);
  rejected.searchParams.set('success', 'false');
  // The screen WordPress announces (never a path joined by hand: WordPress may live in its own directory).
  const authorize = new URL(site.authorizeEndpoint ?? `${site.siteUrl}/wp-admin/authorize-application.php`);
  authorize.searchParams.set('app_name', applicationName(globalThis.navigator?.userAgent ?? '', ctx.now()));
  authorize.searchParams.set('app_id', freigabeAppId);
  authorize.searchParams.set('success_url', callback.href);
  authorize.searchParams.set('reject_url', rejected.href);
  const tab = await ctx.browser.tabs.create({ url: authorize.href });
  if (tab.id !== undefined) {
    await ctx.browser.storage.session.set({ [key(state)]: { ...pending, tabId: tab.id }, [tabKey(tab.id)]: state });
  }
  return { authorizeUrl: authorize.href };
}

/** Why WordPress's screen refused (its error page, `wordpressSays`), in the words of what WordPress reports. */
async function whyRefused(ctx: BackgroundContext, site: DiscoveredSite, wordpressSays: string): Promise<ReplyError> {
  return (await whyNoAppPasswords(ctx, site, await browserSession(ctx, site))) ?? authorizeRefused(site, wordpressSays);
}

export async function completeAuthorization(
  ctx: BackgroundContext,
  input: {
    state: string;
    siteUrl?: string;
    userLogin?: string;
    password?: string;
    rejected?: boolean;
    /** WordPress refused to show its screen (its error page, or its "Go Back" link's `error=disabled`) */
    error?: 'refused' | 'disabled';
    wordpressSays?: string;
  },
): Promise<ConnectedSite> {
  const stored = await ctx.browser.storage.session.get(key(input.state));
  const pending = stored[key(input.state)] as PendingAuthorization | undefined;
  // One use only, whatever happens next.
  await ctx.browser.storage.session.remove([
    key(input.state),
    ...(pending?.tabId === undefined ? [] : [tabKey(pending.tabId)]),
  ]);
  if (!pending || ctx.now() - pending.createdAt > pendingTtlMs) {
    throw new ReplyError(
      'unknown_state',
      'This sign-in was not started by Freigabe, or it expired. Start it again from Freigabe.',
    );
  }
  if (input.error) throw await whyRefused(ctx, pending.site, input.wordpressSays ?? '');
  if (input.rejected || !input.userLogin || !input.password) {
    throw new ReplyError('authorization_rejected', `Connecting to ${pending.site.name} was cancelled in WordPress.`);
  }
  if (input.siteUrl && new URL(input.siteUrl).origin !== new URL(pending.site.siteUrl).origin) {
    throw new ReplyError('site_mismatch', `The answer came from ${input.siteUrl}, not from ${pending.site.siteUrl}.`);
  }
  const auth = { kind: 'application-password', username: input.userLogin, password: input.password } as const;
  try {
    return await finishConnect(ctx, pending.site, auth, 'authorize', await whoAmI(ctx, pending.site, auth));
  } catch (error) {
    if (error instanceof WpError && error.kind === 'auth') {
      throw await diagnoseRejectedPassword(ctx, { ...pending.site, siteOffers: true }, auth, {
        restCode: error.code,
        passwordFresh: true,
      });
    }
    throw error;
  }
}
