/**
 * A sub-directory multisite (scenario 7; scripts/wp/layouts.ts, network-content.ts): the main site
 * at `/`, sub-sites at `/kultur/` and `/technik/` on the same origin, post and comment ids colliding
 * between them. REST, XML-RPC and capabilities are per site; an Application Password belongs to the
 * user and works on every site where the user has rights. Freigabe's background code, unchanged,
 * with the real fetch: each site connected side by side keeps its own queue, decisions and pages.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { NetworkSite, NetworkUser, SiteInfo, WordPressSite } from '../../scripts/wp/index.ts';
import { contentHandlers, pageHandlers } from '../../src/background/handlers.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { createRouter } from '../../src/background/router.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { connectWithSession } from '../../src/background/sites/session.ts';
import { tabPage } from '../../src/background/tab-state.ts';
import { adminUrl } from '../../src/popup/open-comment.ts';
import type { InlineState } from '../../src/shared/inline-protocol.ts';
import { discoverSite } from '../../src/shared/wp/discover.ts';
import { testContext } from '../support/background-context.ts';
import { cookieJar, logInto } from '../support/cookie-jar.ts';
import { fakeBrowser, grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { startLayoutSite } from '../support/layout-site.ts';
import { restRequest, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

let site: WordPressSite;
let wp: SiteInfo;
let kultur: NetworkSite;
let technik: NetworkSite;
let jakob: NetworkUser;

beforeAll(async () => {
  site = await startLayoutSite('multisite', { wpDir: inject('wpDir'), core: inject('wp').core });
  wp = site.info;
  const sub = (key: string) => {
    const found = wp.network?.sites.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`no sub-site ${key}`);
    return found;
  };
  kultur = sub('kultur');
  technik = sub('technik');
  const networkUser = wp.network?.users.find((candidate) => candidate.key === 'jakob');
  if (!networkUser) throw new Error('no network user');
  jakob = networkUser;
});
afterAll(async () => {
  await site?.stop();
});
beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

const postOf = (sub: NetworkSite, key: string) => {
  const post = sub.posts.find((candidate) => candidate.key === key);
  if (!post) throw new Error(`no post ${key}`);
  return post;
};
/** Pending comments (all types) of one site as `account` sees them: WordPress's count. */
async function pendingOn(url: string, account: { login: string; applicationPassword: string }, post?: number) {
  const query = new URLSearchParams({ status: 'hold', type: 'all', per_page: '100', _fields: 'id' });
  if (post !== undefined) query.set('post', String(post));
  const response = await restRequest(`${url}/wp-json/`, account, `wp/v2/comments?${query}`);
  return ((await response.json()) as { id: number }[]).map((comment) => comment.id).sort((a, b) => a - b);
}
const connectAs = (
  ctx: ReturnType<typeof testContext>,
  url: string,
  account: NetworkUser | SiteInfo['users'][number],
) => connectWithPassword(ctx, { url, username: account.login, password: account.applicationPassword });

describe('a sub-directory multisite', () => {
  it('serves each site under its own path on one origin, with colliding post and comment ids', async () => {
    expect(new URL(kultur.url).origin).toBe(wp.url);
    expect(kultur.url).toBe(`${wp.url}/kultur`);
    expect(technik.url).toBe(`${wp.url}/technik`);
    // The network's sub-sites number their posts alike (and the main site's collide too).
    expect(postOf(kultur, 'kultur-article').id).toBe(postOf(technik, 'technik-article').id);
    expect(kultur.comments['kultur-olaf']).toBe(technik.comments['technik-rita']);
    const index = (await (await fetch(`${kultur.url}/wp-json/`)).json()) as { name: string; home: string; url: string };
    expect(index).toMatchObject({ name: 'Freigabe Kultur', home: kultur.url, url: kultur.url });
  });

  it('discovers each sub-site — from an article, its home and its wp-admin — never the main site', async () => {
    const expected = { restRoot: `${technik.url}/wp-json/`, home: technik.url, siteUrl: technik.url };
    expect(await discoverSite(postOf(technik, 'technik-article').link)).toMatchObject(expected);
    expect(await discoverSite(`${technik.url}/`)).toMatchObject(expected);
    expect(await discoverSite(`${technik.url}/wp-admin/edit-comments.php`)).toMatchObject(expected);
    expect(await discoverSite(wp.posts[0]?.link ?? '')).toMatchObject({ restRoot: `${wp.url}/wp-json/`, home: wp.url });
  });

  it('one Application Password made on the main site: moderator on one sub-site, author on another, nothing where the user has no role', async () => {
    const ctx = testContext();
    expect(await connectAs(ctx, kultur.url, jakob)).toMatchObject({
      siteId: `${kultur.url}/wp-json/`,
      name: 'Freigabe Kultur',
      userName: 'Jakob Netz',
      mode: 'moderator',
    });
    expect(await connectAs(ctx, postOf(technik, 'technik-article').link, jakob)).toMatchObject({
      siteId: `${technik.url}/wp-json/`,
      mode: 'author',
    });
    // A member of no role on the main site: WordPress knows him there, but he may moderate nothing.
    await expect(connectAs(ctx, wp.url, jakob)).rejects.toMatchObject({
      code: 'no_rights',
      message: 'Jakob Netz may not moderate comments on Freigabe Demo.',
    });
    // The main site's editor is no member of the sub-site.
    await expect(connectAs(ctx, kultur.url, user(wp, 'editor'))).rejects.toMatchObject({ code: 'no_rights' });

    // Each site's queue is its own: Kultur's pending comments, and on Technik only the author's own post's.
    const cached = async (sub: NetworkSite) =>
      (
        await ctx.db.comments
          .where('[siteId+status]')
          .equals([`${sub.url}/wp-json/`, 'hold'])
          .primaryKeys()
      )
        .map(([, id]) => id)
        .sort((a, b) => a - b);
    expect(await cached(kultur)).toEqual(await pendingOn(kultur.url, jakob));
    const ownPost = postOf(technik, 'technik-article').id;
    expect(await cached(technik)).toEqual(await pendingOn(technik.url, jakob, ownPost));
    expect(await cached(technik)).not.toContain(technik.comments['technik-gerd']);
  });

  it('a super admin connects the main site and both sub-sites side by side; a decision reaches only its own site', async () => {
    const admin = user(wp, 'admin');
    const ctx = testContext();
    for (const url of [wp.url, kultur.url, technik.url]) {
      expect(await connectAs(ctx, url, admin)).toMatchObject({ mode: 'moderator', userName: 'Sabine Admin' });
    }
    const sites = await ctx.db.sites.toArray();
    expect(sites.map((row) => [row.id, row.home])).toEqual(
      expect.arrayContaining([
        [`${wp.url}/wp-json/`, wp.url],
        [`${kultur.url}/wp-json/`, kultur.url],
        [`${technik.url}/wp-json/`, technik.url],
      ]),
    );
    expect(new Set(sites.map((row) => row.origin))).toEqual(new Set([wp.url]));
    for (const sub of [kultur, technik]) {
      const pending = await pendingOn(sub.url, admin);
      expect(await ctx.db.sites.get(`${sub.url}/wp-json/`)).toMatchObject({ pendingTotal: pending.length });
    }

    // Comment id 3 is Olaf's on Kultur, Rita's on Technik and Katrin's approved reply on the main site.
    const olaf = kultur.comments['kultur-olaf'] ?? 0;
    const kulturId = `${kultur.url}/wp-json/`;
    expect(await ctx.db.comments.get([kulturId, olaf])).toMatchObject({ authorName: 'Olaf Brenner', status: 'hold' });
    await decide(ctx, { siteId: kulturId, commentIds: [olaf], decision: 'approve', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect((await adminApi({ ...wp, url: kultur.url }).read(olaf)).status).toBe('approved');
    expect((await adminApi({ ...wp, url: technik.url }).read(olaf)).status).toBe('hold');

    const row = await ctx.db.sites.get(kulturId);
    if (!row) throw new Error('not connected');
    expect(adminUrl(row, olaf)).toBe(`${kultur.url}/wp-admin/comment.php?action=editcomment&c=${olaf}`);
  });

  it('each article is matched to its own site by path; a sub-site that is not connected is not the main site’s', async () => {
    const admin = user(wp, 'admin');
    const ctx = testContext();
    await connectAs(ctx, wp.url, admin);
    await connectAs(ctx, technik.url, admin);
    const route = createRouter(ctx, contentHandlers, pageHandlers);
    const from = (url: string, tabId: number) => ({
      id: fakeBrowser.runtime.id,
      url,
      tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
    });
    const detected = (sub: { url: string }, post: number) => ({
      type: 'pageDetected',
      page: { isWordPress: true, restRoot: `${sub.url}/wp-json/`, postId: post, commentsInDom: true },
    });
    const technikArticle = postOf(technik, 'technik-article');
    expect(await route(detected(technik, technikArticle.id), from(technikArticle.link, 5))).toEqual({
      ok: true,
      value: { connected: true },
    });
    expect(await tabPage(ctx, 5)).toMatchObject({ siteId: `${technik.url}/wp-json/`, postId: technikArticle.id });
    const state = (await route({ type: 'inlineState', includeSpam: false }, from(technikArticle.link, 5))) as {
      ok: true;
      value: InlineState;
    };
    expect(state.value.siteName).toBe('Freigabe Technik');
    expect(state.value.comments.filter((comment) => comment.status === 'hold').map((comment) => comment.id)).toEqual(
      await pendingOn(technik.url, admin, technikArticle.id),
    );

    // Kultur is not connected: its article (same post id) is not the main site's.
    const kulturArticle = postOf(kultur, 'kultur-article');
    expect(await route(detected(kultur, kulturArticle.id), from(kulturArticle.link, 6))).toEqual({
      ok: true,
      value: { connected: false },
    });
    expect(await route({ type: 'inlineState', includeSpam: false }, from(kulturArticle.link, 6))).toMatchObject({
      ok: false,
      error: { code: 'not_an_article' },
    });
  });

  it('signs in with the browser session on a sub-site: one login for the network, the nonce from the sub-site’s admin-ajax.php', async () => {
    const jar = cookieJar();
    expect((await logInto(jar, wp.url, jakob.login, jakob.password)).status).toBe(302);
    const ctx = testContext({ fetch: jar.fetch });
    expect(await connectWithSession(ctx, { url: postOf(kultur, 'kultur-article').link })).toMatchObject({
      siteId: `${kultur.url}/wp-json/`,
      signIn: 'session',
      mode: 'moderator',
      userName: 'Jakob Netz',
    });
    expect(await connectWithSession(ctx, { url: technik.url })).toMatchObject({ mode: 'author' });
  });
});
