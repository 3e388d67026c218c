/**
 * The server search against the real WordPress: a comment approved on the server that the cache
 * does not hold is found, lands in the cache as approved (with its post and the commenter's details
 * for a moderator); an author's search reads in view context, finds comments on their own posts
 * for "Mine", and never asks WordPress for spam or trash.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { type SearchRequest, searchServer } from '../../src/background/sync/search.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { postId, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const root = `${wp.url}/wp-json/`;
const admin = adminApi(wp);
const created: { posts: number[]; comments: number[] } = { posts: [], comments: [] };

/** A background context that records every URL it asks WordPress for. */
async function connectedAs(key: 'editor' | 'author') {
  const asked: URL[] = [];
  const ctx = testContext({
    fetch: (input, init) => {
      asked.push(new URL(String(input instanceof Request ? input.url : input)));
      return fetch(input, init);
    },
  });
  const account = user(wp, key);
  await connectWithPassword(ctx, { url: wp.url, username: account.login, password: account.applicationPassword });
  asked.length = 0;
  return { ctx, asked };
}

const search = (query: string, view: SearchRequest['view']): SearchRequest => ({
  type: 'searchServer',
  query,
  view,
  commentType: 'all',
});
const commentLists = (asked: URL[]) => asked.filter((url) => url.pathname.endsWith('/wp/v2/comments'));

describe('server search against WordPress', () => {
  beforeEach(() => {
    resetFakeBrowser();
    grantedOrigins.add(originPattern(wp.url));
  });
  afterAll(async () => {
    for (const id of created.comments) await admin.remove(id).catch(() => undefined);
    for (const id of created.posts) await admin.removePost(id).catch(() => undefined);
  });

  it('finds a comment approved on the server that the cache lacks, and caches it as approved', async () => {
    const { ctx, asked } = await connectedAs('editor');
    const word = `Zauberwort${Date.now().toString(36)}`;
    const post = await admin.createPost({ title: 'Suche-Test' });
    created.posts.push(post);
    const comment = await admin.createComment(post, {
      status: 'approved',
      content: `Ein freigegebener Kommentar mit dem ${word} darin`,
      author_name: 'Serverseitig Gefunden',
    });
    created.comments.push(comment.id);
    expect((await admin.read(comment.id)).status).toBe('approved');
    expect(await ctx.db.comments.get([root, comment.id])).toBeUndefined();

    const result = await searchServer(ctx, search(word.toLowerCase(), 'approved'));
    expect(result).toEqual({ sites: [{ siteId: root, outcome: 'found', added: 1, received: 1, total: 1 }] });
    const [list] = commentLists(asked);
    expect(Object.fromEntries(list?.searchParams ?? [])).toMatchObject({
      search: word.toLowerCase(),
      status: 'approve',
      type: 'all',
      per_page: '50',
      context: 'edit',
    });
    expect(await ctx.db.comments.get([root, comment.id])).toMatchObject({
      status: 'approved',
      authorName: 'Serverseitig Gefunden',
      authorEmail: 'testleserin@example.org',
      authorIp: '198.51.100.200',
      post,
    });
    expect((await ctx.db.posts.get([root, post]))?.title).toBe('Suche-Test');

    // In another view it is not counted: Pending finds nothing more.
    const pending = await searchServer(ctx, search(word, 'hold'));
    expect(pending.sites[0]).toMatchObject({ outcome: 'found', added: 0, received: 0 });
  });

  it('for an author: reads in view context, finds comments on their own posts, never asks for spam or trash', async () => {
    const { ctx, asked } = await connectedAs('author');
    const article = postId(wp, 'article');
    const word = `Autorensuche${Date.now().toString(36)}`;
    const onArticle = await admin.createComment(article, { status: 'approved', content: `Zum Artikel: ${word}` });
    const inSpam = await admin.createComment(article, { status: 'spam', content: `Werbung: ${word}` });
    created.comments.push(onArticle.id, inSpam.id);

    for (const view of ['spam', 'trash'] as const) {
      expect(await searchServer(ctx, search(word, view))).toEqual({
        sites: [{ siteId: root, outcome: 'not-allowed' }],
      });
    }
    expect(asked).toEqual([]);

    const approved = await searchServer(ctx, search(word, 'approved'));
    expect(approved.sites[0]).toMatchObject({ outcome: 'found', added: 1 });
    const mine = await searchServer(ctx, search(word, 'mine'));
    expect(mine.sites[0]).toMatchObject({ outcome: 'found', received: 1 });
    const lists = commentLists(asked);
    expect(lists.map((url) => url.searchParams.get('status'))).toEqual(['approve', 'all']);
    expect(lists.every((url) => url.searchParams.get('context') === 'view')).toBe(true);
    expect(lists[1]?.searchParams.getAll('post[]')).toContain(String(article));
    expect(asked.some((url) => ['spam', 'trash', 'any'].includes(url.searchParams.get('status') ?? ''))).toBe(false);
    expect(await ctx.db.comments.get([root, onArticle.id])).toMatchObject({ status: 'approved', authorEmail: null });
    expect(await ctx.db.comments.get([root, inSpam.id])).toBeUndefined();
  });
});
