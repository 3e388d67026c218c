/**
 * A tab is bound to the article whose WordPress link it shows, verified by the background — not to
 * whatever post its content script (or the page's DOM) names. Through the real router and a fake
 * WordPress that links post 4 as /4/ and post 5 as /5/.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { contentHandlers, pageHandlers } from '../../../src/background/handlers.ts';
import { isArticleUrl } from '../../../src/background/inline/article-url.ts';
import { createRouter } from '../../../src/background/router.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { tabPage } from '../../../src/background/tab-state.ts';
import { testContext } from '../../support/background-context.ts';
import { fakeBrowser, injectedScripts, resetFakeBrowser } from '../../support/fake-browser.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

describe('an article URL is its WordPress link', () => {
  const link = 'https://blog.example/2026/11/social-media/';
  it.each([
    link,
    'https://blog.example/2026/11/social-media/#comment-12',
    'https://blog.example/2026/11/social-media/comment-page-3/',
    'https://blog.example/2026/11/social-media/comment-page-3/#comments',
    'https://blog.example/2026/11/social-media/?cpage=2',
    'https://blog.example/2026/11/social-media/?replytocom=7#respond',
    'https://blog.example/2026/11/social-media',
    'http://blog.example/2026/11/social-media/',
  ])('%s is the article', (url) => expect(isArticleUrl(link, url)).toBe(true));
  it.each([
    'https://blog.example/2026/11/other-post/',
    'https://blog.example/2026/11/social-media/feed/',
    'https://blog.example/2026/11/social-media-2/',
    'https://blog.example/?p=4',
    'https://evil.example/2026/11/social-media/',
    'https://blog.example/2026/11/social-media/?p=5',
  ])('%s is not', (url) => expect(isArticleUrl(link, url)).toBe(false));
  it('plain permalinks: ?p=N with its comment pages, not another N', () => {
    expect(isArticleUrl('https://blog.example/?p=4', 'https://blog.example/?p=4&cpage=2#comments')).toBe(true);
    expect(isArticleUrl('https://blog.example/?p=4', 'https://blog.example/?cpage=2&p=4')).toBe(true);
    expect(isArticleUrl('https://blog.example/?p=4', 'https://blog.example/?p=5')).toBe(false);
    expect(isArticleUrl('https://blog.example/?p=4', 'https://blog.example/?p=4&p=5')).toBe(false);
  });
});

const sender = (url: string, tabId = 7): Runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});
const detected = (postId: number) => ({
  type: 'pageDetected',
  page: { isWordPress: true, restRoot: null, postId, commentsInDom: true },
});

describe('a content script claiming another article', () => {
  beforeEach(resetFakeBrowser);

  async function setup(overrides: Parameters<typeof testContext>[0] = {}) {
    const wordpress = fakeWordPress([
      { id: 1, post: 4, status: 'hold', type: 'comment' },
      { id: 3, post: 5, status: 'hold', type: 'comment' },
      { id: 8, post: 150, status: 'hold', type: 'comment' },
    ]);
    // Post 150 is another post type (a product): neither wp/v2/posts nor wp/v2/pages knows it.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(String(input));
      if (/\/wp\/v2\/(posts|pages)$/.test(url.pathname) && url.searchParams.getAll('include[]').includes('150')) {
        return new Response('[]');
      }
      return wordpress.fetch(input, init);
    };
    const ctx = testContext({ fetch, now: () => 1_000_000, ...overrides });
    await ctx.db.sites.put(testSite({ mode: 'moderator', userId: 2 }));
    await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
    await syncPending(ctx, siteId);
    const route = createRouter(ctx, contentHandlers, pageHandlers);
    return { ctx, route };
  }

  it('on post 4’s page, naming post 5 binds no article: no details, no decision, no draft of post 5', async () => {
    const { ctx, route } = await setup();
    const onPost4 = sender('https://blog.example/4/');
    await route(detected(5), onPost4);
    expect(await tabPage(ctx, 7)).toEqual({ siteId, postId: null });
    const tabsBefore = (await ctx.browser.tabs.query({})).length;
    for (const message of [
      { type: 'inlineState', includeSpam: false },
      { type: 'commenterDetails', commentId: 3 },
      { type: 'decideInline', commentIds: [3], decision: 'approve' },
      { type: 'saveDraftInline', commentId: 3, kind: 'reply', content: 'x' },
      { type: 'openCommenterHistory', commentId: 3 },
    ]) {
      expect(await route(message, onPost4)).toMatchObject({ ok: false, error: { code: 'not_an_article' } });
    }
    expect(await ctx.db.outbox.count()).toBe(0);
    // No queue tab opened with post 5's commenter in it.
    expect(await ctx.browser.tabs.query({})).toHaveLength(tabsBefore);
  });

  it('binds the article its link shows (read from WordPress when not cached), on every comment page', async () => {
    const { ctx, route } = await setup();
    await route(detected(4), sender('https://blog.example/4/comment-page-2/#comments'));
    expect(await tabPage(ctx, 7)).toEqual({ siteId, postId: 4, link: 'https://blog.example/4/' });
    expect(await ctx.db.posts.get([siteId, 4])).toMatchObject({ link: 'https://blog.example/4/' });
    const details = await route({ type: 'commenterDetails', commentId: 1 }, sender('https://blog.example/4/'));
    expect(details).toMatchObject({ ok: true });
  });

  it('a tab that navigated away from the verified article is refused until it reports again', async () => {
    const { route } = await setup();
    await route(detected(4), sender('https://blog.example/4/'));
    const moved = await route({ type: 'commenterDetails', commentId: 1 }, sender('https://blog.example/5/'));
    expect(moved).toMatchObject({ ok: false, error: { code: 'not_an_article' } });
  });

  /** what was injected besides the inline view (which a reported article gets) */
  const parts = () => injectedScripts.filter(({ files }) => !files.includes('src/content/inline/inline-view.js'));

  it('the parts file (block form, reactions overview) goes only into a tab bound to its article', async () => {
    const { route } = await setup({ partsFile: 'src/content/inline/parts-script.js' });
    const onPost4 = sender('https://blog.example/4/');
    await route(detected(5), onPost4);
    for (const type of ['loadReactionsPanel', 'loadBlockPanel']) {
      expect(await route({ type }, onPost4)).toMatchObject({ ok: false, error: { code: 'not_an_article' } });
    }
    expect(parts()).toEqual([]);
    await route(detected(4), onPost4);
    for (const type of ['loadReactionsPanel', 'loadBlockPanel']) {
      expect(await route({ type }, onPost4)).toEqual({ ok: true, value: { loaded: true } });
    }
    expect(parts()).toEqual([
      { tabId: 7, files: ['src/content/inline/parts-script.js'] },
      { tabId: 7, files: ['src/content/inline/parts-script.js'] },
    ]);
  });

  it('a build without the parts file says so instead of injecting nothing', async () => {
    const { route } = await setup();
    const onPost4 = sender('https://blog.example/4/');
    await route(detected(4), onPost4);
    for (const type of ['loadReactionsPanel', 'loadBlockPanel']) {
      expect(await route({ type }, onPost4)).toMatchObject({ ok: false, error: { code: 'part_missing' } });
    }
    expect(parts()).toEqual([]);
  });

  it('another post type is verified by its comments’ links (its permalink with a fragment)', async () => {
    const { ctx, route } = await setup();
    // The fake links every comment as https://blog.example/p/#comment-N.
    await route(detected(150), sender('https://blog.example/p/comment-page-2/'));
    expect(await tabPage(ctx, 7)).toMatchObject({ siteId, postId: 150 });
    await route(detected(150), sender('https://blog.example/4/'));
    expect(await tabPage(ctx, 7)).toEqual({ siteId, postId: null });
  });
});
