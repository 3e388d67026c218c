/**
 * The background's server search against a fake WordPress: what it asks for each view and role,
 * what it writes into the cache (through the sync's write path: unsent decisions win; notes are
 * not comments), and what it says when a site fails or answers nonsense (nothing written).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Tabs } from 'webextension-polyfill';
import { contentHandlers, pageHandlers } from '../../../src/background/handlers.ts';
import { decide } from '../../../src/background/outbox/decide.ts';
import { createRouter } from '../../../src/background/router.ts';
import { type SearchRequest, searchPageSize, searchServer } from '../../../src/background/sync/search.ts';
import { setTabPage } from '../../../src/background/tab-state.ts';
import { connectedSite, failingWhere, fakeComment, siteId } from '../../support/connected-site.ts';
import { badges, fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSite } from '../../support/rows.ts';

const comment = fakeComment;

const search = (query: string, view: SearchRequest['view'], extra: Partial<SearchRequest> = {}): SearchRequest => ({
  type: 'searchServer',
  query,
  view,
  commentType: 'all',
  ...extra,
});

/** The query of each comments list the fake WordPress was asked for. */
const commentQueries = (requests: string[]) =>
  requests
    .filter((request) => request.startsWith('/wp-json/wp/v2/comments?'))
    .map((request) => new URLSearchParams(request.slice(request.indexOf('?') + 1)));

describe('server search', () => {
  beforeEach(resetFakeBrowser);

  it('finds approved comments the cache lacks and writes them with their post title, in edit context', async () => {
    const { ctx, wordpress } = await connectedSite([
      comment(1, 'approved', { content: 'Ein Zauberwort hier' }),
      comment(2, 'approved', { content: 'Nichts davon', parent: 0 }),
      comment(3, 'approved', { content: 'Auch das Zauberwort', parent: 2, type: 'pingback' }),
      comment(4, 'hold', { content: 'Zauberwort, aber wartend' }),
      comment(5, 'approved', { content: 'Zauberwort als Notiz', type: 'note' }),
    ]);
    const result = await searchServer(ctx, search('zauberwort', 'approved'));
    expect(result).toEqual({ sites: [{ siteId, outcome: 'found', added: 2, received: 2, total: 3 }] });
    const [query] = commentQueries(wordpress.requests);
    expect(Object.fromEntries(query ?? [])).toMatchObject({
      search: 'zauberwort',
      status: 'approve',
      type: 'all',
      per_page: String(searchPageSize),
      context: 'edit',
    });
    // The two approved comments, the parent of the pingback; no note.
    const cached = await ctx.db.comments.toArray();
    expect(cached.map((row) => [row.id, row.status, row.type])).toEqual([
      [1, 'approved', 'comment'],
      [2, 'approved', 'comment'],
      [3, 'approved', 'pingback'],
    ]);
    expect(cached[0]?.authorEmail).toBe('leser1@example.org');
    expect((await ctx.db.posts.get([siteId, 4]))?.title).toBe('Beitrag 4');

    // Asked again: nothing more (all cached), and no second request for the post.
    const again = await searchServer(ctx, search('zauberwort', 'approved'));
    expect(again.sites[0]).toMatchObject({ added: 0, received: 2 });
    expect(wordpress.requests.filter((request) => request.startsWith('/wp-json/wp/v2/posts'))).toHaveLength(1);
  });

  it('a pending comment found shows in the badge of its open article at once', async () => {
    const { ctx } = await connectedSite([comment(1, 'hold', { content: 'Neu seit dem Abgleich' })]);
    await setTabPage(ctx, 3, { siteId, postId: 4 });
    await searchServer(ctx, search('abgleich', 'hold'));
    expect(badges.get(3)?.text).toBe('1');
  });

  it('asks for one page only and says how many WordPress matched', async () => {
    const many = Array.from({ length: searchPageSize + 12 }, (_, i) => comment(i + 1, 'spam', { content: 'Casino' }));
    const { ctx } = await connectedSite(many);
    const result = await searchServer(ctx, search('casino', 'spam'));
    expect(result.sites[0]).toEqual({
      siteId,
      outcome: 'found',
      added: searchPageSize,
      received: searchPageSize,
      total: searchPageSize + 12,
    });
    expect(await ctx.db.comments.count()).toBe(searchPageSize);
  });

  it('keeps a decision not sent yet: the cached row wins over what the search read', async () => {
    const { ctx } = await connectedSite([comment(1, 'approved', { content: 'Zauberwort' })]);
    await searchServer(ctx, search('zauberwort', 'approved'));
    await decide(ctx, { siteId, commentIds: [1], decision: 'unapprove', undoWindowMs: 60_000 });
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('hold');
    const result = await searchServer(ctx, search('zauberwort', 'approved'));
    expect(result.sites[0]).toMatchObject({ outcome: 'found', received: 1, added: 0 });
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('hold');
  });

  it('counts a cached comment that moved into the view as found (it was elsewhere before)', async () => {
    const { ctx } = await connectedSite([comment(1, 'approved', { content: 'Zauberwort' })]);
    await ctx.db.comments.put({
      siteId,
      id: 1,
      post: 4,
      parent: 0,
      authorName: 'Leser 1',
      authorUrl: '',
      authorEmail: null,
      authorIp: null,
      authorUserAgent: null,
      date: 0,
      contentHtml: '<p>Zauberwort</p>',
      contentRaw: null,
      link: '',
      status: 'hold',
      type: 'comment',
      syncedAt: 0,
    });
    const result = await searchServer(ctx, search('zauberwort', 'approved'));
    expect(result.sites[0]).toMatchObject({ added: 1 });
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('approved');
  });

  it('for an author: never asks for spam or trash, and reads the rest in view context', async () => {
    const { ctx, wordpress } = await connectedSite(
      [comment(1, 'spam', { content: 'Casino' }), comment(2, 'approved', { content: 'Casino-Kritik' })],
      { site: { mode: 'author', userId: 3 } },
    );
    for (const view of ['spam', 'trash'] as const) {
      expect(await searchServer(ctx, search('casino', view))).toEqual({ sites: [{ siteId, outcome: 'not-allowed' }] });
    }
    expect(wordpress.requests).toEqual([]);
    await searchServer(ctx, search('casino', 'approved'));
    const queries = commentQueries(wordpress.requests);
    expect(queries.map((query) => [query.get('status'), query.get('context')])).toEqual([['approve', 'view']]);
    expect((await ctx.db.comments.get([siteId, 2]))?.authorEmail).toBeNull();
  });

  it('"Mine": comments on the user’s own posts (on the server and in the cache), pending and approved', async () => {
    const { ctx, wordpress } = await connectedSite(
      [
        comment(1, 'hold', { post: 4, content: 'Frage zu meinem' }),
        comment(2, 'approved', { post: 6, content: 'Frage zu meinem zweiten' }),
        comment(3, 'approved', { post: 5, content: 'Frage zu fremdem' }),
        comment(4, 'spam', { post: 4, content: 'Frage? Casino!' }),
      ],
      { site: { mode: 'author', userId: 3 }, wordpressOptions: { postAuthors: { 4: 3, 5: 9 } } },
    );
    // Post 6 is the user's too, known only to the cache (a page, say).
    await ctx.db.posts.put({ siteId, id: 6, title: 'Meine Seite', link: 'https://blog.example/6/', author: 3 });
    const result = await searchServer(ctx, search('frage', 'mine'));
    expect(result.sites[0]).toMatchObject({ outcome: 'found', added: 2 });
    const [query] = commentQueries(wordpress.requests);
    expect(query?.get('status')).toBe('all');
    expect(query?.getAll('post[]').sort()).toEqual(['4', '6']);
    expect((await ctx.db.comments.toArray()).map((row) => row.id)).toEqual([1, 2]);
    expect((await ctx.db.posts.get([siteId, 4]))?.author).toBe(3);
  });

  it('narrows to the post and type filters of the popup', async () => {
    const { ctx, wordpress } = await connectedSite([
      comment(1, 'hold', { post: 4, content: 'Wort' }),
      comment(2, 'hold', { post: 7, content: 'Wort' }),
      comment(3, 'hold', { post: 7, content: 'Wort', type: 'trackback' }),
    ]);
    await searchServer(ctx, search('wort', 'hold', { post: { siteId, id: 7 }, commentType: 'pings' }));
    const [query] = commentQueries(wordpress.requests);
    expect([query?.getAll('post[]'), query?.get('type')]).toEqual([['7'], 'pings']);
    expect((await ctx.db.comments.toArray()).map((row) => row.id)).toEqual([3]);
  });

  it('searches every connected site; one that fails says why and does not stop the others', async () => {
    const other = 'https://shop.example/wp-json/';
    const wordpress = fakeWordPress([comment(1, 'hold', { content: 'Wort' })]);
    const { ctx } = await connectedSite([], {
      fetch: failingWhere(wordpress.fetch, (url) => url.origin === 'https://shop.example'),
    });
    await ctx.db.sites.put(testSite({ id: other, name: 'Shop' }));
    const result = await searchServer(ctx, search('wort', 'hold'));
    expect(result.sites).toEqual([
      { siteId, outcome: 'found', added: 1, received: 1, total: 1 },
      { siteId: other, outcome: 'failed', reason: 'offline', message: expect.stringContaining('Could not reach') },
    ]);
    await expect(
      searchServer(ctx, search('wort', 'hold', { siteId: 'https://gone.example/wp-json/' })),
    ).rejects.toThrow('not connected');
  });

  it('says "needs login" when WordPress no longer knows the user', async () => {
    const { ctx } = await connectedSite([], { wordpressOptions: { failWith: 401 } });
    const result = await searchServer(ctx, search('wort', 'approved'));
    expect(result.sites[0]).toMatchObject({ outcome: 'failed', reason: 'needs-login' });
  });

  it('writes nothing when WordPress sends a malformed answer, and says so', async () => {
    const answers: Record<string, string> = {
      comments: JSON.stringify([{ id: 1, post: 4, status: 'approved' }]),
      posts: JSON.stringify([{ id: 'vier', title: 5 }]),
    };
    for (const broken of ['comments', 'posts'] as const) {
      const { ctx, wordpress } = await connectedSite([comment(1, 'approved', { content: 'Wort', parent: 0 })]);
      ctx.fetch = async (input, init) => {
        if (new URL(String(input)).pathname === `/wp-json/wp/v2/${broken}`) return new Response(answers[broken]);
        return wordpress.fetch(input, init);
      };
      const result = await searchServer(ctx, search('wort', 'approved'));
      expect(result.sites[0], broken).toMatchObject({
        outcome: 'failed',
        reason: 'invalid',
        message: expect.stringContaining('unexpected answer'),
      });
      expect(await ctx.db.comments.count()).toBe(0);
      expect(await ctx.db.posts.count()).toBe(0);
    }
  });

  it('is asked for by the extension’s pages only, with a query of two characters or more', async () => {
    const { ctx } = await connectedSite([comment(1, 'approved', { content: 'Wort' })]);
    const route = createRouter(ctx, contentHandlers, pageHandlers);
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('src/popup/index.html') };
    const page = { ...popup, url: 'https://blog.example/p/', tab: { id: 7 } as Tabs.Tab };
    expect(await route(search(' w ', 'approved'), popup)).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    expect(await route(search('wort', 'approved'), page)).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    expect(await ctx.db.comments.count()).toBe(0);
    expect(await route(search(' wort ', 'approved'), popup)).toMatchObject({
      ok: true,
      value: { sites: [{ outcome: 'found', added: 1 }] },
    });
  });
});
