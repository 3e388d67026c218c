/**
 * Several connected sites on one origin — a sub-directory multisite's main site at `/` and its
 * sub-sites at `/kultur/` and `/technik/`, whose post and comment ids collide: every page, badge and
 * inline view belongs to the site whose home is the longest path prefix of the page's URL; a
 * sub-site that is not connected is not its main site's; the one content script registration and
 * host permission of the origin serve them all until the last one is disconnected.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { registerContentScript } from '../../../src/background/content-scripts.ts';
import { contentHandlers, pageHandlers } from '../../../src/background/handlers.ts';
import { createRouter } from '../../../src/background/router.ts';
import { disconnectSite } from '../../../src/background/sites/disconnect.ts';
import { announcesSite, siteForUrl } from '../../../src/background/sites/site-of-page.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { probeTab, sitePlace } from '../../../src/background/tab-probe.ts';
import { setTabPage, tabPage } from '../../../src/background/tab-state.ts';
import type { InlineState } from '../../../src/shared/inline-protocol.ts';
import { testContext } from '../../support/background-context.ts';
import {
  badges,
  fakeBrowser,
  grantedOrigins,
  registeredScripts,
  resetFakeBrowser,
} from '../../support/fake-browser.ts';
import { type FakeComment, fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSite } from '../../support/rows.ts';

const origin = 'https://net.example';
const main = testSite({ id: `${origin}/wp-json/`, origin, name: 'Netz', home: origin, siteUrl: origin });
const kultur = testSite({
  id: `${origin}/kultur/wp-json/`,
  origin,
  name: 'Kultur',
  home: `${origin}/kultur`,
  siteUrl: `${origin}/kultur`,
});
const technik = testSite({
  id: `${origin}/technik/wp-json/`,
  origin,
  name: 'Technik',
  home: `${origin}/technik`,
  siteUrl: `${origin}/technik`,
});

describe('the site a page belongs to', () => {
  const sites = [main, kultur, technik];
  const of = (url: string) => siteForUrl(sites, new URL(url))?.name ?? null;

  it('is the connected site whose home is the longest path prefix of the page', () => {
    expect(of(`${origin}/blog/2026/11/beitrag/`)).toBe('Netz');
    expect(of(`${origin}/`)).toBe('Netz');
    expect(of(`${origin}/kultur/2026/12/lesesommer/`)).toBe('Kultur');
    expect(of(`${origin}/kultur`)).toBe('Kultur');
    expect(of(`${origin}/Kultur/wp-admin/`)).toBe('Kultur');
    expect(of(`${origin}/technik/?p=3`)).toBe('Technik');
    // a path that only begins with a sub-site's name is not the sub-site's
    expect(of(`${origin}/kulturbeutel/`)).toBe('Netz');
    expect(of('https://other.example/kultur/')).toBeNull();
    expect(of('http://net.example/kultur/')).toBeNull();
  });

  it('is none where no connected home holds the page (a WordPress in a folder, the root not connected)', () => {
    const blogInFolder = testSite({ origin, home: `${origin}/blog` });
    expect(siteForUrl([blogInFolder], new URL(`${origin}/shop/`))).toBeNull();
    expect(siteForUrl([blogInFolder], new URL(`${origin}/blog/2026/x/`))).toBe(blogInFolder);
  });

  it('is not a site whose REST API the page does not announce', () => {
    expect(announcesSite(main, null)).toBe(true);
    expect(announcesSite(main, `${origin}/wp-json/`)).toBe(true);
    expect(announcesSite(main, `${origin}/wp-json`)).toBe(true);
    expect(announcesSite(main, `${origin}/technik/wp-json/`)).toBe(false);
    expect(announcesSite(testSite({ id: `${origin}/?rest_route=/` }), `${origin}/?rest_route=/`)).toBe(true);
    expect(announcesSite(testSite({ id: `${origin}/?rest_route=/` }), `${origin}/technik/?rest_route=/`)).toBe(false);
  });
});

/** One fake WordPress per site, each answering under its own path (as a network does). */
function network(bySite: Record<string, FakeComment[]>) {
  const fakes = Object.fromEntries(Object.entries(bySite).map(([path, comments]) => [path, fakeWordPress(comments)]));
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const sub = /^\/(kultur|technik)(\/.*)$/.exec(url.pathname);
    const fake = fakes[sub?.[1] ?? ''];
    if (!fake) return new Response('{"code":"rest_no_route"}', { status: 404 });
    url.pathname = sub?.[2] ?? url.pathname;
    return fake.fetch(url.href, init);
  };
  return { fetch, fakes };
}

const sender = (url: string, tabId: number): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});
const detected = (postId: number, restRoot: string | null = null) => ({
  type: 'pageDetected',
  page: { isWordPress: true, restRoot, postId, commentsInDom: true },
});
type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function connectedNetwork(sites = [main, kultur]) {
  // Post 4 and comment 1 exist on every site: ids collide across a network.
  const { fetch } = network({
    '': [
      { id: 1, post: 4, status: 'hold', type: 'comment', content: 'Auf der Hauptseite' },
      { id: 2, post: 4, status: 'hold', type: 'comment', content: 'Noch einer auf der Hauptseite' },
    ],
    kultur: [{ id: 1, post: 4, status: 'hold', type: 'comment', content: 'Im Kulturblog' }],
    technik: [{ id: 1, post: 4, status: 'hold', type: 'comment', content: 'Im Technikblog' }],
  });
  const ctx = testContext({ fetch, now: () => 1_000_000 });
  for (const site of sites) {
    await ctx.db.sites.put(site);
    await ctx.db.credentials.put({
      siteId: site.id,
      auth: { kind: 'application-password', username: 'u', password: 'p' },
    });
    await syncPending(ctx, site.id);
  }
  const route = createRouter(ctx, contentHandlers, pageHandlers);
  const call = async <T>(message: unknown, url: string, tabId: number) =>
    (await route(message, sender(url, tabId))) as Reply<T>;
  return { ctx, call };
}

describe('connected side by side on one origin', () => {
  beforeEach(resetFakeBrowser);
  afterEach(() => vi.restoreAllMocks());

  it('each article shows its own site’s pending comments, though post and comment ids collide', async () => {
    const { ctx, call } = await connectedNetwork();
    const kulturArticle = `${origin}/kultur/2026/12/lesesommer/`;
    const mainArticle = `${origin}/blog/2026/11/beitrag/`;
    // Each site's post 4 has its own link: the tab is bound to the post whose link it shows.
    await ctx.db.posts.put({ siteId: kultur.id, id: 4, title: 'Lesesommer', link: kulturArticle, author: null });
    await ctx.db.posts.put({ siteId: main.id, id: 4, title: 'Beitrag', link: mainArticle, author: null });
    await call(detected(4, kultur.id), kulturArticle, 7);
    await call(detected(4, main.id), mainArticle, 8);
    expect(await tabPage(ctx, 7)).toEqual({ siteId: kultur.id, postId: 4, link: kulturArticle });
    expect(await tabPage(ctx, 8)).toEqual({ siteId: main.id, postId: 4, link: mainArticle });
    // The badge counts the article's own site: one pending on Kultur's post 4, two on the main site's.
    expect(badges.get(7)?.text).toBe('1');
    expect(badges.get(8)?.text).toBe('2');

    const onKultur = await call<InlineState>({ type: 'inlineState', includeSpam: false }, kulturArticle, 7);
    if (!onKultur.ok) throw new Error(onKultur.error.message);
    expect(onKultur.value).toMatchObject({ siteName: 'Kultur', adminUrl: `${origin}/kultur/wp-admin/` });
    expect(onKultur.value.comments.map((comment) => comment.contentHtml)).toEqual(['<p>Im Kulturblog</p>']);
    const onMain = await call<InlineState>({ type: 'inlineState', includeSpam: false }, mainArticle, 8);
    if (!onMain.ok) throw new Error(onMain.error.message);
    expect(onMain.value.comments).toHaveLength(2);

    // A decision on the Kultur article is Kultur's comment 1, not the main site's.
    await call({ type: 'decideInline', commentIds: [1], decision: 'spam' }, kulturArticle, 7);
    expect((await ctx.db.outbox.toArray()).map((row) => [row.siteId, row.commentId])).toEqual([[kultur.id, 1]]);
    expect(await ctx.db.comments.get([main.id, 1])).toMatchObject({ status: 'hold' });
  });

  it('a sub-site that is not connected is not its main site’s: no inline view, no tab article', async () => {
    const { ctx, call } = await connectedNetwork();
    const technikArticle = `${origin}/technik/2026/12/offline/`;
    expect(await call(detected(4, technik.id), technikArticle, 9)).toEqual({ ok: true, value: { connected: false } });
    expect(await tabPage(ctx, 9)).toBeNull();
    const refused = await call({ type: 'inlineState', includeSpam: false }, technikArticle, 9);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_an_article' } });
    const decision = await call({ type: 'decideInline', commentIds: [1], decision: 'approve' }, technikArticle, 9);
    expect(decision).toMatchObject({ ok: false, error: { code: 'not_an_article' } });
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('the popup offers to connect a sub-site whose main site is connected, and knows the connected ones', async () => {
    const { ctx } = await connectedNetwork();
    const probe = async (url: string, restRoot: string) => {
      const tab = await fakeBrowser.tabs.create({ url });
      // What the content script, run once in the tab, detected there.
      vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([
        { frameId: 0, result: { isWordPress: true, restRoot } },
      ] as never);
      return probeTab(ctx, tab.id ?? -1);
    };
    // Named by its folder, not like the main site on the same origin.
    expect(await probe(`${origin}/technik/2026/12/offline/`, technik.id)).toEqual({
      kind: 'connectable',
      url: `${origin}/technik/2026/12/offline/`,
      site: `${origin}/technik`,
    });
    expect(await probe(`${origin}/kultur/2026/12/lesesommer/`, kultur.id)).toEqual({
      kind: 'connected',
      siteId: kultur.id,
      name: 'Kultur',
      postId: null,
    });
    // Once the tab's content script reported the article, the probe names it (the side panel's header).
    const reported = await fakeBrowser.tabs.create({ url: `${origin}/kultur/2026/12/lesesommer/` });
    await setTabPage(ctx, reported.id ?? -1, { siteId: kultur.id, postId: 17 });
    expect(await probeTab(ctx, reported.id ?? -1)).toEqual({
      kind: 'connected',
      siteId: kultur.id,
      name: 'Kultur',
      postId: 17,
    });
    expect(await probe(`${origin}/blog/2026/11/beitrag/`, main.id)).toMatchObject({
      kind: 'connected',
      siteId: main.id,
    });
  });

  it('names a site not yet connected by where its REST root says it lives', () => {
    const page = new URL(`${origin}/technik/2026/12/offline/`);
    expect(sitePlace(page, `${origin}/technik/wp-json/`)).toBe(`${origin}/technik`);
    expect(sitePlace(page, `${origin}/technik/?rest_route=/`)).toBe(`${origin}/technik`);
    expect(sitePlace(page, `${origin}/wp-json/`)).toBe(origin);
    expect(sitePlace(page, `${origin}/?rest_route=/`)).toBe(origin);
    // A REST prefix of its own, no REST link, or one on another origin: the origin.
    expect(sitePlace(page, `${origin}/technik/api/`)).toBe(origin);
    expect(sitePlace(page, null)).toBe(origin);
    expect(sitePlace(page, 'https://cdn.example/technik/wp-json/')).toBe(origin);
  });

  it('one content script registration and host permission serve the origin until its last site goes', async () => {
    const { ctx } = await connectedNetwork([main, kultur, technik]);
    grantedOrigins.add('https://net.example/*');
    // Two sites connected at the same moment register once, without an error.
    await Promise.all([registerContentScript(ctx, kultur.origin), registerContentScript(ctx, technik.origin)]);
    await registerContentScript(ctx, main.origin);
    expect([...registeredScripts.keys()]).toEqual(['freigabe:https://net.example/*']);

    await disconnectSite(ctx, kultur.id);
    await disconnectSite(ctx, main.id);
    expect([...registeredScripts.keys()]).toEqual(['freigabe:https://net.example/*']);
    expect([...grantedOrigins]).toEqual(['https://net.example/*']);
    expect(await ctx.db.comments.where('siteId').equals(technik.id).count()).toBe(1);
    await disconnectSite(ctx, technik.id);
    expect([...registeredScripts.keys()]).toEqual([]);
    expect([...grantedOrigins]).toEqual([]);
  });
});
