/**
 * Finds a WordPress site's REST root from any of its URLs: the `Link` header, the
 * `<link rel="https://api.w.org/">` element, then the `/wp-json/` and `?rest_route=/` fallbacks.
 * Runs in the service worker (no DOMParser there), so the HTML is scanned with a tolerant regex.
 */
import * as v from 'valibot';
import { type FirewallVerdict, firewallMessage, firewallVerdict, restPath } from './firewall.ts';
import { wpIndexSchema } from './schemas.ts';
import { restRootGuesses } from './wordpress-paths.ts';

export type DiscoveryFailure = 'unreachable' | 'not-wordpress' | 'rest-disabled' | 'firewall';

export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
  constructor(
    readonly reason: DiscoveryFailure,
    message: string,
    /** reason `firewall`: who answered instead of WordPress, and the REST path to let through */
    readonly firewall: (FirewallVerdict & { path: string }) | null = null,
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
}

const apiRel = 'https://api.w.org/';

export function restRootFromLinkHeader(header: string | null, base: string): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (match?.[1] && match[2] && /rel\s*=\s*"?https:\/\/api\.w\.org\/"?/i.test(match[2])) {
      return new URL(match[1], base).href;
    }
  }
  return null;
}

export function restRootFromHtml(html: string, base: string): string | null {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\brel\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (rel === apiRel && href) return new URL(href.replace(/&amp;/g, '&'), base).href;
  }
  return null;
}

function looksLikeWordPress(html: string): boolean {
  return /wp-content\/|wp-includes\/|<meta[^>]+generator[^>]+WordPress/i.test(html);
}

/**
 * The name a site's pages know its REST API by (a page is matched to its site by it:
 * background/sites/site-of-page.ts), for a site found without its announcement (from wp-admin, a
 * page without the links, a guess): what its home announces; else the API under home, as WordPress
 * serves it (`wp-json/`, or `?rest_route=` which every WordPress answers); else where it was found.
 */
async function canonicalRoot(home: string, found: string, get: (url: string) => Promise<Response>): Promise<string> {
  const homePage = new URL(`${home}/`).href;
  const underHome = [new URL('wp-json/', homePage).href, new URL('?rest_route=/', homePage).href];
  const answersForHome = async (root: string) => {
    const index = v.safeParse(wpIndexSchema, await (await get(root)).json());
    return index.success && index.output.home?.replace(/\/+$/, '') === home;
  };
  try {
    const page = await get(homePage);
    const html = (page.headers.get('Content-Type') ?? '').includes('html') ? await page.text() : '';
    const announced =
      restRootFromLinkHeader(page.headers.get('Link'), page.url || homePage) ??
      restRootFromHtml(html, page.url || homePage);
    if (announced && (announced === found || (await answersForHome(announced)))) return announced;
  } catch {
    // the home page says nothing: the API under home
  }
  for (const root of underHome) {
    if (root === found) return found;
    try {
      if (await answersForHome(root)) return root;
    } catch {
      // not there
    }
  }
  return found;
}

export async function discoverSite(
  input: string,
  {
    fetch: doFetch = globalThis.fetch.bind(globalThis),
    signal,
    timeoutMs = 15000,
  }: { fetch?: typeof fetch; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<DiscoveredSite> {
  let pageUrl: URL;
  try {
    pageUrl = new URL(/^https?:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
  } catch {
    throw new DiscoveryError('unreachable', `"${input}" is not a web address.`);
  }
  const get = async (url: string) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return doFetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      credentials: 'omit',
      cache: 'no-store',
      headers: { Accept: 'text/html,application/json' },
    });
  };

  let page: Response;
  let html = '';
  try {
    page = await get(pageUrl.href);
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
  const announcedRoots = [restRootFromLinkHeader(page.headers.get('Link'), base), restRootFromHtml(html, base)];
  const candidates = [
    ...announcedRoots,
    // a WordPress below the root (a multisite's sub-site, its own directory): ask there first
    ...restRootGuesses(new URL(base)),
    `${origin}/wp-json/`,
    `${origin}/?rest_route=/`,
  ].filter((candidate, index, all): candidate is string => candidate !== null && all.indexOf(candidate) === index);

  const announced = announcedRoots.some((root) => root !== null);
  let blockedBy: (FirewallVerdict & { path: string }) | null = null;
  for (const candidate of candidates) {
    try {
      const response = await get(candidate);
      if (!response.ok) {
        // A firewall or CDN answering for the REST API: said as such, not as "REST is off".
        const verdict = firewallVerdict({
          status: response.status,
          headers: response.headers,
          body: await response.text(),
        });
        if (verdict) blockedBy ??= { ...verdict, path: restPath(candidate) };
        continue;
      }
      const index = v.safeParse(wpIndexSchema, await response.json());
      if (!index.success) continue;
      if (!index.output.namespaces.includes('wp/v2')) {
        throw new DiscoveryError(
          'rest-disabled',
          `${origin} runs WordPress, but its REST API does not offer comments (wp/v2 is missing).`,
        );
      }
      const siteUrl = (index.output.url ?? origin).replace(/\/+$/, '');
      const home = (index.output.home ?? siteUrl).replace(/\/+$/, '');
      return {
        // Found another way (from wp-admin, by a guess): the root its pages announce, where they do.
        restRoot: announcedRoots.includes(candidate) ? candidate : await canonicalRoot(home, candidate, get),
        name: index.output.name,
        home,
        siteUrl,
      };
    } catch (error) {
      if (error instanceof DiscoveryError || signal?.aborted) throw error;
    }
  }
  if (blockedBy) throw new DiscoveryError('firewall', firewallMessage(blockedBy), blockedBy);
  if (announced || looksLikeWordPress(html)) {
    throw new DiscoveryError('rest-disabled', `${origin} runs WordPress, but its REST API is switched off or blocked.`);
  }
  throw new DiscoveryError('not-wordpress', `${origin} does not look like a WordPress site.`);
}
