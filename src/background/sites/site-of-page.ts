/**
 * Which connected site a page belongs to. Several sites can share one origin — the main site and the
 * sub-sites of a sub-directory multisite (`/`, `/kultur/`, `/technik/`), a blog next to another one
 * — so the origin alone does not tell: the page belongs to the connected site whose `home` is the
 * longest path prefix of the page's URL (ADR 015). Only the URL the browser reports counts, never
 * what the page claims — except that a page announcing another site's REST API
 * (`<link rel="https://api.w.org/">`) is refused: that can only withhold a site from a page (a
 * sub-site that is not connected, under a main site that is), never hand one to it.
 */
import type { SiteRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';

/** A path without its trailing slashes, lower-cased (WordPress looks sites up by lower-cased path). */
function normalPath(path: string): string {
  return path.replace(/\/+$/, '').toLowerCase();
}

/** The path of a site's home on `origin`; null when its home is elsewhere or unreadable. */
function homePath(site: Pick<SiteRow, 'home'>, origin: string): string | null {
  try {
    const home = new URL(site.home);
    return home.origin === origin ? normalPath(home.pathname) : null;
  } catch {
    // Not a URL: matches no site.
    return null;
  }
}

/** Whether `path` is `base` or lies below it (`/kultur` holds `/kultur/x`, not `/kulturbeutel`). */
function within(path: string, base: string): boolean {
  return base === '' || path === base || path.startsWith(`${base}/`);
}

/** The site among `sites` (all of the page's origin) whose home holds the page, the deepest one first. */
export function siteForUrl<T extends Pick<SiteRow, 'origin' | 'home'>>(sites: readonly T[], url: URL): T | null {
  const path = normalPath(url.pathname);
  let best: { site: T; depth: number } | null = null;
  for (const site of sites) {
    if (site.origin !== url.origin) continue;
    // A site whose home is on another origin is read through its REST origin's root.
    const base = homePath(site, url.origin) ?? '';
    if (!within(path, base)) continue;
    if (best === null || base.length > best.depth) best = { site, depth: base.length };
  }
  return best?.site ?? null;
}

/** A REST root as a comparable key: host, path without trailing slash, the `rest_route` of plain permalinks. */
function restRootKey(root: string): string | null {
  try {
    const url = new URL(root);
    return `${url.host}${normalPath(url.pathname)}?${url.searchParams.get('rest_route') ?? ''}`;
  } catch {
    // Not a URL: matches no site.
    return null;
  }
}

/** Whether a page that announces `announced` as its REST root may belong to `site`. */
export function announcesSite(site: Pick<SiteRow, 'id'>, announced: string | null): boolean {
  if (announced === null) return true;
  const key = restRootKey(announced);
  return key === null || key === restRootKey(site.id);
}

/** The connected site a page belongs to (see above), or null. */
export async function connectedSiteOf(
  ctx: BackgroundContext,
  url: URL,
  announcedRestRoot: string | null = null,
): Promise<SiteRow | null> {
  const site = siteForUrl(await ctx.db.sites.where('origin').equals(url.origin).toArray(), url);
  return site && announcesSite(site, announcedRestRoot) ? site : null;
}
