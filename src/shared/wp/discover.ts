/**
 * Finds a WordPress site's REST root from any of its URLs: the `Link` header, the
 * `<link rel="https://api.w.org/">` element, then the `/wp-json/` and `?rest_route=/` fallbacks.
 * Runs in the service worker (no DOMParser there), so the HTML is scanned with a tolerant regex.
 *
 * It asks as a visitor first. Where the site refuses visitors — a REST API closed to them by a
 * security plugin (a JSON error such as `401 rest_login_required` IS WordPress), or a password of
 * the web server in front of everything (`401` with `WWW-Authenticate`) — it asks again with the
 * sign-in being set up, when there is one: the browser's session (its cookies, and a web-server
 * password it holds) or an Authorization header.
 */
import * as v from 'valibot';
import { type BridgeInfo, bridgeOf } from './bridge.ts';
import { httpAuthRealmOf } from './errors.ts';
import { type FirewallVerdict, firewallMessage, firewallVerdict, restPath } from './firewall.ts';
import { canonicalRoot, restRootFromHtml, restRootFromLinkHeader } from './rest-root.ts';
import { applicationPasswordsEndpoint, type WpIndex, wpErrorBodySchema, wpIndexSchema } from './schemas.ts';
import { restRootGuesses } from './wordpress-paths.ts';

export type DiscoveryFailure =
  | 'unreachable'
  | 'not-wordpress'
  | 'rest-disabled'
  | 'http-auth'
  | 'rest-login-required'
  | 'firewall';

export interface DiscoveryDetails {
  origin?: string;
  /** where the REST API answered, though it refused to show its index */
  restRoot?: string;
  /** the web server's password prompt (`WWW-Authenticate` realm) */
  realm?: string;
  /** WordPress's error code for the refusal */
  code?: string;
}

/** reason `firewall`: who answered instead of WordPress, and the REST path to let through */
export type FirewallBlock = FirewallVerdict & { path: string };

export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
  constructor(
    readonly reason: DiscoveryFailure,
    message: string,
    readonly details: DiscoveryDetails = {},
    readonly firewall: FirewallBlock | null = null,
  ) {
    super(message);
  }
}

export interface DiscoveredSite {
  restRoot: string;
  name: string;
  /** where the blog is read */
  home: string;
  /** where WordPress itself lives: wp-admin, admin-ajax.php, xmlrpc.php */
  siteUrl: string;
  /**
   * WordPress's authorize screen, from the REST index's `authentication.application-passwords`
   * entry; null when the site does not offer Application Passwords (WordPress leaves the entry out).
   */
  authorizeEndpoint: string | null;
  /** the realm of the web server's own password the browser had to send to get in; null: none asked */
  httpAuthRealm: string | null;
  /** the Freigabe Bridge the REST index announces (null: none; moderation then runs on REST alone) */
  bridge: BridgeInfo | null;
}

/** How discovery may sign in where the site refuses visitors. */
export type DiscoverySignIn = { kind: 'session' } | { kind: 'authorization'; header: string };

function looksLikeWordPress(html: string): boolean {
  return /wp-content\/|wp-includes\/|<meta[^>]+generator[^>]+WordPress/i.test(html);
}

/** What one REST root candidate answered. */
type IndexAnswer =
  | { kind: 'index'; index: WpIndex }
  /** a WordPress REST error refusing this caller (a REST API closed to visitors) */
  | { kind: 'refused'; code: string }
  | { kind: 'http-auth'; realm: string }
  /** a firewall or CDN answering instead of WordPress */
  | { kind: 'firewall'; verdict: FirewallVerdict }
  | { kind: 'other' };

async function readAnswer(response: Response): Promise<IndexAnswer> {
  const realm = httpAuthRealmOf(response);
  if (realm !== null) return { kind: 'http-auth', realm };
  // A body cut off is read as none: the status and headers still classify the answer.
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the status, headers and text classify it below.
    body = undefined;
  }
  if (!response.ok) {
    const verdict = firewallVerdict({ status: response.status, headers: response.headers, body: text });
    if (verdict) return { kind: 'firewall', verdict };
  }
  if (response.ok) {
    const index = v.safeParse(wpIndexSchema, body);
    return index.success ? { kind: 'index', index: index.output } : { kind: 'other' };
  }
  const error = v.safeParse(wpErrorBodySchema, body);
  if (error.success && (response.status === 401 || response.status === 403)) {
    return { kind: 'refused', code: error.output.code };
  }
  return { kind: 'other' };
}

export async function discoverSite(
  input: string,
  {
    fetch: doFetch = globalThis.fetch.bind(globalThis),
    signal,
    timeoutMs = 15000,
    signIn,
  }: { fetch?: typeof fetch; signal?: AbortSignal; timeoutMs?: number; signIn?: DiscoverySignIn } = {},
): Promise<DiscoveredSite> {
  let pageUrl: URL;
  try {
    pageUrl = new URL(/^https?:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
  } catch {
    throw new DiscoveryError('unreachable', `"${input}" is not a web address.`);
  }
  const get = async (url: string, as?: DiscoverySignIn) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return doFetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      credentials: as?.kind === 'session' ? 'include' : 'omit',
      cache: 'no-store',
      headers: {
        Accept: 'text/html,application/json',
        ...(as?.kind === 'authorization' ? { Authorization: as.header } : {}),
      },
    });
  };
  const session = signIn?.kind === 'session' ? signIn : undefined;

  let page: Response;
  let html = '';
  // The web server's own password, when the browser had to send it (only a session can: an
  // Authorization header of ours would take its place).
  let httpAuthRealm: string | null = null;
  try {
    page = await get(pageUrl.href);
    httpAuthRealm = httpAuthRealmOf(page);
    if (httpAuthRealm !== null && session) page = await get(pageUrl.href, session);
    html = (page.headers.get('Content-Type') ?? '').includes('html') ? await page.text() : '';
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DiscoveryError(
      'unreachable',
      `${pageUrl.host} cannot be reached (${error instanceof Error ? error.message : error}).`,
    );
  }
  const base = page.url || pageUrl.href;
  const origin = new URL(base).origin;
  if (httpAuthRealmOf(page) !== null) {
    throw new DiscoveryError(
      'http-auth',
      `${origin} is protected by a password of its web server (HTTP authentication).`,
      { origin, realm: httpAuthRealm ?? '' },
    );
  }
  const announcedRoots = [restRootFromLinkHeader(page.headers.get('Link'), base), restRootFromHtml(html, base)];
  const guesses = restRootGuesses(new URL(base));
  const guessed = new Set(guesses);
  const candidates = [
    ...announcedRoots,
    // a WordPress below the root (a multisite's sub-site, its own directory): ask there first
    ...guesses,
    `${origin}/wp-json/`,
    `${origin}/?rest_route=/`,
  ].filter((candidate, index, all): candidate is string => candidate !== null && all.indexOf(candidate) === index);

  const announced = announcedRoots.some((root) => root !== null);
  let refused: { restRoot: string; code: string } | null = null;
  // A firewall or CDN answering for the REST API: said as such, not as "REST is off".
  let blockedBy: FirewallBlock | null = null;
  for (const candidate of candidates) {
    try {
      // Past a web-server password only the browser's session gets in; otherwise ask as a visitor.
      let as: DiscoverySignIn | undefined = httpAuthRealm === null ? undefined : session;
      let answer = await readAnswer(await get(candidate, as));
      if (answer.kind === 'http-auth' && session) {
        httpAuthRealm = answer.realm;
        as = session;
        answer = await readAnswer(await get(candidate, as));
      } else if (answer.kind === 'refused' && signIn) {
        as = signIn;
        answer = await readAnswer(await get(candidate, as));
      }
      // A refusal at one of WordPress's own roots names the site better than one at a guess.
      if (answer.kind === 'refused' && (refused === null || (guessed.has(refused.restRoot) && !guessed.has(candidate))))
        refused = { restRoot: candidate, code: answer.code };
      if (answer.kind === 'http-auth') httpAuthRealm = answer.realm;
      if (answer.kind === 'firewall') blockedBy ??= { ...answer.verdict, path: restPath(candidate) };
      if (answer.kind !== 'index') continue;
      if (!answer.index.namespaces.includes('wp/v2')) {
        throw new DiscoveryError(
          'rest-disabled',
          `${origin} runs WordPress, but its REST API does not offer comments (wp/v2 is missing).`,
          { origin, restRoot: candidate },
        );
      }
      const siteUrl = (answer.index.url ?? origin).replace(/\/+$/, '');
      const home = (answer.index.home ?? siteUrl).replace(/\/+$/, '');
      return {
        // Found another way (from wp-admin, by a guess): the root its pages announce, where they do.
        restRoot: announcedRoots.includes(candidate)
          ? candidate
          : await canonicalRoot(home, candidate, (url) => get(url, as)),
        name: answer.index.name,
        home,
        siteUrl,
        authorizeEndpoint: applicationPasswordsEndpoint(answer.index),
        httpAuthRealm,
        bridge: bridgeOf(answer.index),
      };
    } catch (error) {
      if (error instanceof DiscoveryError || signal?.aborted) throw error;
    }
  }
  if (refused) {
    throw new DiscoveryError(
      'rest-login-required',
      `${origin} runs WordPress, but its REST API answers only signed-in users (${refused.code}).`,
      { origin, ...refused },
    );
  }
  if (httpAuthRealm !== null) {
    throw new DiscoveryError(
      'http-auth',
      `The REST API of ${origin} is protected by a password of its web server (HTTP authentication).`,
      { origin, realm: httpAuthRealm },
    );
  }
  if (blockedBy) throw new DiscoveryError('firewall', firewallMessage(blockedBy), { origin }, blockedBy);
  if (announced || looksLikeWordPress(html)) {
    throw new DiscoveryError(
      'rest-disabled',
      `${origin} runs WordPress, but its REST API is switched off or blocked.`,
      {
        origin,
      },
    );
  }
  throw new DiscoveryError('not-wordpress', `${origin} does not look like a WordPress site.`, { origin });
}
