/**
 * WordPress in its own directory (scenario 6; scripts/wp/layouts.ts): the core in `wp/`, `home` at
 * the root, `siteurl` at /wp
 * (https://developer.wordpress.org/advanced-administration/server/wordpress-in-directory/). REST
 * lives under home; admin-ajax.php, authorize-application.php, xmlrpc.php and wp-admin under
 * siteurl; the sign-in cookies have different paths. Freigabe's background code, unchanged, with
 * the real fetch against that WordPress: every URL it uses is discovered, none joined to the origin.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { SiteInfo, WordPressSite } from '../../scripts/wp/index.ts';
import { contentHandlers, pageHandlers } from '../../src/background/handlers.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { createRouter } from '../../src/background/router.ts';
import { startAuthorization } from '../../src/background/sites/authorize.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { connectWithSession } from '../../src/background/sites/session.ts';
import { adminUrl } from '../../src/popup/open-comment.ts';
import { withStatus } from '../../src/shared/db/comment-ranges.ts';
import type { InlineState } from '../../src/shared/inline-protocol.ts';
import { discoverSite } from '../../src/shared/wp/discover.ts';
import { fetchRestNonce } from '../../src/shared/wp/session.ts';
import { checkCredentialsOverXmlRpc } from '../../src/shared/wp/xmlrpc-probe.ts';
import { testContext } from '../support/background-context.ts';
import { cookieJar, logInto } from '../support/cookie-jar.ts';
import { fakeBrowser, grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { startLayoutSite } from '../support/layout-site.ts';
import { commentTotal, postId, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

let site: WordPressSite;
let wp: SiteInfo;

beforeAll(async () => {
  site = await startLayoutSite('own-directory', { wpDir: inject('wpDir'), core: inject('wp').core });
  wp = site.info;
});
afterAll(async () => {
  await site?.stop();
});
beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

const article = () => wp.posts.find((post) => post.key === 'article')?.link ?? '';

describe('WordPress in its own directory', () => {
  it('is laid out as documented: home at the root, siteurl at /wp, both in the REST index', async () => {
    expect(wp.siteUrl).toBe(`${wp.url}/wp`);
    const index = (await (await fetch(`${wp.url}/wp-json/`)).json()) as {
      home: string;
      url: string;
      authentication: { 'application-passwords': { endpoints: { authorization: string } } };
    };
    expect(index).toMatchObject({ home: wp.url, url: `${wp.url}/wp` });
    expect(index.authentication['application-passwords'].endpoints.authorization).toBe(
      `${wp.url}/wp/wp-admin/authorize-application.php`,
    );
    // Joined to the origin, WordPress's own scripts are not there.
    expect((await fetch(`${wp.url}/xmlrpc.php`, { method: 'POST' })).status).toBe(404);
    expect(await (await fetch(`${wp.url}/wp/xmlrpc.php`, { method: 'POST', body: '' })).text()).toContain('faultCode');
  });

  it('discovers home and siteurl from an article, the home page and the wp-admin address', async () => {
    const expected = {
      restRoot: `${wp.url}/wp-json/`,
      home: wp.url,
      siteUrl: `${wp.url}/wp`,
      name: 'Freigabe Demo',
      // WordPress's authorize screen under siteurl, as the REST index announces it
      authorizeEndpoint: `${wp.siteUrl}/wp-admin/authorize-application.php`,
      httpAuthRealm: null,
      // no Freigabe Bridge on this site (bridge-detect.test.ts has one)
      bridge: null,
    };
    expect(await discoverSite(article())).toEqual(expected);
    expect(await discoverSite(`${wp.url}/`)).toEqual(expected);
    // From wp-admin (the login screen announces no API): the same site, known by the root its home announces.
    expect(await discoverSite(`${wp.siteUrl}/wp-admin/`)).toEqual(expected);
  });

  it('signs in with the browser session: the nonce comes from siteurl’s admin-ajax.php, under the auth cookie’s path', async () => {
    const editor = user(wp, 'editor');
    const jar = cookieJar();
    const login = await logInto(jar, wp.siteUrl, editor.login, editor.password);
    expect(login.status).toBe(302);
    const paths = new Set(jar.cookies().map((cookie) => cookie.path));
    expect(paths).toEqual(new Set(['/', '/wp/', '/wp/wp-admin', '/wp/wp-content/plugins']));
    // The auth cookie reaches admin-ajax.php under siteurl only; under the origin there is no admin-ajax.php.
    expect(await fetchRestNonce(wp.siteUrl, { fetch: jar.fetch })).toMatch(/^[0-9a-f]{10}$/);
    expect(await fetchRestNonce(wp.url, { fetch: jar.fetch })).toBeNull();

    const ctx = testContext({ fetch: jar.fetch });
    const connected = await connectWithSession(ctx, { url: article() });
    expect(connected).toMatchObject({ siteId: `${wp.url}/wp-json/`, signIn: 'session', mode: 'moderator' });
    expect(await ctx.db.sites.get(connected.siteId)).toMatchObject({ home: wp.url, siteUrl: wp.siteUrl });
    const pending = await commentTotal(wp, editor, { status: 'hold', type: 'all' });
    expect(await withStatus(ctx.db, 'hold').count()).toBe(pending);
  });

  it('opens WordPress’s authorize screen under siteurl — the address the REST index announces', async () => {
    const ctx = testContext();
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/140.0' });
    const { authorizeUrl } = await startAuthorization(ctx, { url: article() }).finally(() => vi.unstubAllGlobals());
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${wp.url}/wp/wp-admin/authorize-application.php`);
    const jar = cookieJar();
    const author = user(wp, 'author');
    await logInto(jar, wp.siteUrl, author.login, author.password);
    const screen = await jar.fetch(authorizeUrl);
    expect(screen.status).toBe(200);
    expect(await screen.text()).toContain('id="approve"');
  });

  it('takes a pasted Application Password; a wrong one is told apart over siteurl’s xmlrpc.php', async () => {
    const editor = user(wp, 'editor');
    const wrong = 'abcd efgh ijkl mnop qrst uvwx';
    expect(await checkCredentialsOverXmlRpc(wp.siteUrl, editor.login, editor.applicationPassword)).toBe('valid');
    // XML-RPC's fault 403 says "refused", whatever the reason (a wrong password among them).
    expect(await checkCredentialsOverXmlRpc(wp.siteUrl, editor.login, wrong)).toBe('rejected');
    // At the origin there is no xmlrpc.php: nothing answers as XML-RPC there.
    expect(await checkCredentialsOverXmlRpc(wp.url, editor.login, editor.applicationPassword)).toBe('blocked');
    const ctx = testContext();
    await expect(
      connectWithPassword(ctx, { url: wp.url, username: editor.login, password: wrong }),
    ).rejects.toMatchObject({ code: 'wrong_credentials' });
    const connected = await connectWithPassword(ctx, {
      url: wp.url,
      username: editor.login,
      password: editor.applicationPassword,
    });
    expect(connected).toMatchObject({ mode: 'moderator', signIn: 'password' });
  });

  it('syncs, sends a decision, and links to the comment in wp-admin under siteurl', async () => {
    const editor = user(wp, 'editor');
    const admin = adminApi(wp);
    const ctx = testContext();
    const { siteId } = await connectWithPassword(ctx, {
      url: article(),
      username: editor.login,
      password: editor.applicationPassword,
    });
    const lena = wp.comments.lena ?? 0;
    expect(await ctx.db.comments.get([siteId, lena])).toMatchObject({ status: 'hold' });
    await decide(ctx, { siteId, commentIds: [lena], decision: 'approve', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect((await admin.read(lena)).status).toBe('approved');
    expect((await admin.read(lena)).author_ip).toBe('198.51.100.90');

    const row = await ctx.db.sites.get(siteId);
    if (!row) throw new Error('not connected');
    const link = adminUrl(row, lena);
    expect(link).toBe(`${wp.url}/wp/wp-admin/comment.php?action=editcomment&c=${lena}`);
    const jar = cookieJar();
    await logInto(jar, wp.siteUrl, editor.login, editor.password);
    const editScreen = await jar.fetch(link);
    expect(editScreen.status).toBe(200);
    expect(await editScreen.text()).toContain(`name="comment_ID" value="${lena}"`);
  });

  it('the article’s inline view: the page belongs to the site, its pending comments and wp-admin under siteurl', async () => {
    const editor = user(wp, 'editor');
    const ctx = testContext();
    await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
    const route = createRouter(ctx, contentHandlers, pageHandlers);
    const from = {
      id: fakeBrowser.runtime.id,
      url: article(),
      tab: { id: 4, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
    };
    const detected = await route(
      {
        type: 'pageDetected',
        page: { isWordPress: true, restRoot: `${wp.url}/wp-json/`, postId: postId(wp, 'article'), commentsInDom: true },
      },
      from,
    );
    expect(detected).toEqual({ ok: true, value: { connected: true } });
    const state = (await route({ type: 'inlineState', includeSpam: false }, from)) as { ok: true; value: InlineState };
    expect(state.value.adminUrl).toBe(`${wp.url}/wp/wp-admin/`);
    const pending = await commentTotal(wp, editor, {
      post: String(postId(wp, 'article')),
      status: 'hold',
      type: 'all',
    });
    expect(state.value.comments.filter((comment) => comment.status === 'hold')).toHaveLength(pending);
  });
});
