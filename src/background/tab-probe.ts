/**
 * What the tab the popup was opened on is: a page of a connected site, a WordPress site that could
 * be connected, or something else. On sites that are not connected, Freigabe has no host access:
 * it looks only when the user opens the popup there (activeTab), by running the content script
 * once in the tab and reading what it detected.
 */
import type { SiteRow } from '../shared/db/index.ts';
import type { TabProbe } from '../shared/messages.ts';
import type { BackgroundContext } from './context.ts';
import { announcesSite, connectedSiteOf } from './sites/site-of-page.ts';
import { tabPage } from './tab-state.ts';

const pageKey = 'freigabe.page';

export async function probeTab(ctx: BackgroundContext, tabId: number): Promise<TabProbe> {
  let tab: Awaited<ReturnType<typeof ctx.browser.tabs.get>>;
  try {
    tab = await ctx.browser.tabs.get(tabId);
  } catch {
    // The tab is gone.
    return { kind: 'unavailable' };
  }
  const url = tab.url && URL.canParse(tab.url) ? new URL(tab.url) : null;
  if (url && url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'unavailable' };
  // The connected site whose home holds this URL (several may share its origin: a multisite).
  const candidate = url ? await connectedSiteOf(ctx, url) : null;
  const connected = (site: SiteRow, postId: number | null = null): TabProbe => ({
    kind: 'connected',
    siteId: site.id,
    name: site.name,
    postId,
  });
  // Its content script has already said so for this tab (and which article it shows).
  const reported = candidate ? await tabPage(ctx, tabId) : null;
  if (candidate && reported?.siteId === candidate.id) return connected(candidate, reported.postId);
  let page: { isWordPress?: boolean; restRoot?: string | null } | null | undefined;
  try {
    await ctx.browser.scripting.executeScript({ target: { tabId }, files: [ctx.contentScriptFile] });
    const [result] = await ctx.browser.scripting.executeScript({
      target: { tabId },
      // Only plain fields cross back: the page model also holds the page's elements.
      func: (name: string) => {
        const page = (globalThis as unknown as Record<symbol, { isWordPress: boolean; restRoot: string | null }>)[
          Symbol.for(name)
        ];
        return page ? { isWordPress: page.isWordPress, restRoot: page.restRoot } : null;
      },
      args: [pageKey],
    });
    page = result?.result as typeof page;
  } catch {
    // No access to this tab (the popup was not opened from it), or the page forbids scripts.
    return candidate ? connected(candidate) : { kind: 'unavailable' };
  }
  // A page of a connected site — unless it announces another site's REST API: a sub-site of a
  // network whose main site is connected, not itself, can be connected from here.
  if (candidate && (!page?.isWordPress || announcesSite(candidate, page.restRoot ?? null))) return connected(candidate);
  const pageUrl = url?.href ?? tab.url ?? '';
  if (!page?.isWordPress || !pageUrl) return { kind: 'not-wordpress' };
  return { kind: 'connectable', url: pageUrl, site: sitePlace(new URL(pageUrl), page.restRoot ?? null) };
}

/**
 * Where the page's site lives, to name it before it is connected: its origin, or — when its REST
 * root lies in a folder of that origin (`…/kultur/wp-json/`, `…/kultur/?rest_route=/`) — that
 * folder, so a multisite's sub-site is not named like its main site. Shown, never requested.
 */
export function sitePlace(page: URL, restRoot: string | null): string {
  if (!restRoot || !URL.canParse(restRoot)) return page.origin;
  const root = new URL(restRoot);
  if (root.origin !== page.origin) return page.origin;
  const plain = root.searchParams.has('rest_route');
  const folder = plain ? root.pathname : root.pathname.replace(/\/wp-json\/?$/, '');
  // A REST prefix of the site's own (not wp-json) says nothing about its folder.
  if (!plain && folder === root.pathname) return page.origin;
  return `${page.origin}${folder.replace(/\/+$/, '')}`;
}
