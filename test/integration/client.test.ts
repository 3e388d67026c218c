/**
 * The REST client against the real WordPress (native backend, fresh demo content): who each role
 * is, what each may list, how a wrong password and no password look, both REST root styles.
 */
import { describe, expect, inject, it } from 'vitest';
import { demoPosts } from '../../scripts/wp/demo-content.ts';
import { createWpClient } from '../../src/shared/wp/client.ts';
import { discoverSite } from '../../src/shared/wp/discover.ts';
import { failure } from '../support/failure.ts';
import { commentTotal, postId, user } from '../support/rest.ts';

const wp = inject('wp');
const root = `${wp.url}/wp-json/`;
const client = (key: 'admin' | 'editor' | 'author', password?: string) => {
  const account = user(wp, key);
  return createWpClient({
    root,
    auth: { kind: 'application-password', username: account.login, password: password ?? account.applicationPassword },
  });
};
const demoPending = demoPosts.flatMap((post) => post.comments).filter((comment) => comment.status === 'hold').length;
// Other test files add comments on posts of their own; these tests look at the demo posts only.
const demoPostIds = wp.posts.map((post) => post.id);

describe('REST client against WordPress', () => {
  it('finds the REST root from an article URL', async () => {
    const article = wp.posts.find((post) => post.key === 'article');
    const found = await discoverSite(article?.link ?? '');
    expect(found).toEqual({
      restRoot: root,
      name: 'Freigabe Demo',
      home: wp.url,
      siteUrl: wp.url,
      authorizeEndpoint: `${wp.url}/wp-admin/authorize-application.php`,
      httpAuthRealm: null,
      // no Freigabe Bridge on this site (bridge-detect.test.ts has one)
      bridge: null,
    });
  });

  it.each([
    ['admin', 'administrator', true],
    ['editor', 'editor', true],
    ['author', 'author', false],
  ] as const)('knows who %s is and whether they moderate', async (key, role, moderates) => {
    const me = await client(key).me();
    expect(me.id).toBe(user(wp, key).id);
    expect(me.roles).toEqual([role]);
    expect(Boolean(me.capabilities?.moderate_comments)).toBe(moderates);
  });

  it('lists the whole pending queue of every type for a moderator, with commenter data', async () => {
    const page = await client('editor').listComments({
      status: 'hold',
      type: 'all',
      perPage: 100,
      context: 'edit',
      post: demoPostIds,
    });
    expect(page.total).toBe(demoPending);
    expect(page.items).toHaveLength(demoPending);
    expect(new Set(page.items.map((c) => c.type))).toEqual(new Set(['comment', 'pingback']));
    const lena = page.items.find((c) => c.author_name === 'Lena Vogt');
    expect(lena).toMatchObject({ author_ip: '198.51.100.90', author_email: 'lena@vogt-digital.example' });
    expect(lena?.content.raw).toContain('Community-Strategie');
  });

  it('lists only comments (no pings) when asked for type=comment, WordPress’s default', async () => {
    const page = await client('editor').listComments({ status: 'hold', perPage: 100, post: demoPostIds });
    expect(page.items.every((c) => c.type === 'comment')).toBe(true);
    expect(page.total).toBeLessThan(demoPending);
  });

  it('pages with X-WP-TotalPages', async () => {
    const first = await client('admin').listComments({
      status: 'hold',
      type: 'all',
      perPage: 5,
      page: 1,
      orderby: 'id',
      order: 'asc',
      post: demoPostIds,
    });
    const second = await client('admin').listComments({
      status: 'hold',
      type: 'all',
      perPage: 5,
      page: 2,
      orderby: 'id',
      order: 'asc',
      post: demoPostIds,
    });
    expect(first.totalPages).toBe(Math.ceil(demoPending / 5));
    expect(first.items).toHaveLength(5);
    expect(Math.min(...second.items.map((c) => c.id))).toBeGreaterThan(Math.max(...first.items.map((c) => c.id)));
  });

  it('gives an author the pending comments of their own posts only, without email or IP', async () => {
    const page = await client('author').listComments({ status: 'hold', type: 'all', perPage: 100, post: demoPostIds });
    const ownPost = postId(wp, 'article');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((c) => c.post === ownPost)).toBe(true);
    expect(page.items.every((c) => c.author_email === undefined && c.author_ip === undefined)).toBe(true);
    expect(page.items).toHaveLength(
      await commentTotal(wp, user(wp, 'editor'), { post: String(ownPost), status: 'hold', type: 'all' }),
    );
  });

  it('refuses an author the edit context (forbidden, not a sign-in problem)', async () => {
    const error = await failure(client('author').listComments({ status: 'hold', context: 'edit' }));
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, code: 'rest_forbidden_context' });
  });

  it('treats a wrong Application Password as nobody: an auth error, never a wrong-password message', async () => {
    const error = await failure(client('editor', 'xxxx xxxx xxxx xxxx xxxx xxxx').me());
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(['rest_not_logged_in', 'incorrect_password']).toContain(error.code);
  });

  it('without credentials, the pending queue is an auth error', async () => {
    const anonymous = createWpClient({ root, auth: { kind: 'none' } });
    const error = await failure(anonymous.listComments({ status: 'hold' }));
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'rest_forbidden_param' });
  });

  it('works the same through the ?rest_route= root of sites without pretty permalinks', async () => {
    const account = user(wp, 'editor');
    const plain = createWpClient({
      root: `${wp.url}/?rest_route=/`,
      auth: { kind: 'application-password', username: account.login, password: account.applicationPassword },
    });
    const page = await plain.listComments({ status: 'hold', type: 'all', perPage: 100, post: demoPostIds });
    expect(page.total).toBe(demoPending);
  });

  it('reads post titles for the queue', async () => {
    const ids = wp.posts.map((post) => post.id);
    const posts = await client('editor').listPosts('posts', ids);
    expect(posts.map((post) => post.title.rendered).sort()).toEqual(demoPosts.map((post) => post.title).sort());
  });

  it('filters by search, parent, include and date, as the queue’s filters need', async () => {
    const editor = client('editor');
    const article = [postId(wp, 'article')];
    const found = await editor.listComments({
      search: 'Community-Strategie',
      status: 'all',
      type: 'all',
      post: article,
    });
    expect(found.items.map((c) => c.author_name)).toEqual(['Lena Vogt']);
    const byEmail = await editor.listComments({
      search: 'twitter.com',
      status: 'any',
      type: 'all',
      post: article,
      perPage: 100,
      context: 'edit',
    });
    expect(byEmail.items.length).toBeGreaterThanOrEqual(6);
    expect(byEmail.items.every((c) => c.author_email?.endsWith('@twitter.com'))).toBe(true);

    const thread = await editor.listComments({ parent: [wp.comments.jonas ?? 0], status: 'all', type: 'all' });
    expect(thread.items.map((c) => c.id)).toEqual([wp.comments['katrin-reply']]);

    const ids = [wp.comments.lena ?? 0, wp.comments.tobias ?? 0];
    const included = await editor.listComments({ include: ids, status: 'any', type: 'all', orderby: 'include' });
    expect(included.items.map((c) => c.id)).toEqual(ids);

    // The newest pending comment in the demo is an hour old; nothing on the demo posts is newer than now.
    const future = new Date(Date.now() + 3_600_000).toISOString().slice(0, 19);
    expect((await editor.listComments({ after: future, status: 'any', type: 'all', post: demoPostIds })).total).toBe(0);
  });
});
