/**
 * The background's connect and sync code, unchanged, with the real fetch against the real
 * WordPress, writing into IndexedDB (fake-indexeddb in Node).
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { updateBadges } from '../../src/background/badge.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { setTabPage } from '../../src/background/tab-state.ts';
import { withStatus } from '../../src/shared/db/comment-ranges.ts';
import { testContext } from '../support/background-context.ts';
import { badges, grantedOrigins, registeredScripts, resetFakeBrowser } from '../support/fake-browser.ts';
import { commentTotal, postId, restRequest, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const root = `${wp.url}/wp-json/`;

describe('connect and sync against WordPress', () => {
  beforeEach(() => {
    resetFakeBrowser();
    grantedOrigins.add(originPattern(wp.url));
  });

  it('connects as the editor, registers the content script, and caches the pending queue', async () => {
    const ctx = testContext();
    const editor = user(wp, 'editor');
    const connected = await connectWithPassword(ctx, {
      url: wp.posts[0]?.link ?? wp.url,
      username: editor.login,
      password: editor.applicationPassword,
    });
    expect(connected).toEqual({
      siteId: root,
      name: 'Freigabe Demo',
      userName: 'Rainer Redaktion',
      mode: 'moderator',
      signIn: 'password',
    });
    expect([...registeredScripts.values()]).toEqual([
      expect.objectContaining({ matches: ['http://127.0.0.1/*'], js: ['src/content/content-script.js'] }),
    ]);
    const serverPending = await commentTotal(wp, editor, { status: 'hold', type: 'all' });
    expect(await withStatus(ctx.db, 'hold').count()).toBe(serverPending);
    const lena = await ctx.db.comments.filter((c) => c.authorName === 'Lena Vogt').first();
    expect(lena).toMatchObject({ authorIp: '198.51.100.90', status: 'hold', type: 'comment' });
    expect((await ctx.db.posts.get([root, postId(wp, 'article')]))?.title).toBe(
      'Social-Media-Management ist mehr als PR mit Hashtags',
    );
    // The password is kept apart from the site row the pages read.
    expect(JSON.stringify(await ctx.db.sites.toArray())).not.toContain(editor.applicationPassword);

    await setTabPage(ctx, 3, { siteId: root, postId: postId(wp, 'article') });
    await updateBadges(ctx);
    const articlePending = await commentTotal(wp, editor, {
      post: String(postId(wp, 'article')),
      status: 'hold',
      type: 'all',
    });
    expect(badges.get(3)?.text).toBe(String(articlePending));
    expect(badges.get('global')?.text).toBe(String(serverPending));
  });

  it('connects an author in author mode, with only their posts’ pending comments and no commenter data', async () => {
    const ctx = testContext();
    const author = user(wp, 'author');
    const connected = await connectWithPassword(ctx, {
      url: wp.url,
      username: author.login,
      password: author.applicationPassword,
    });
    expect(connected.mode).toBe('author');
    const cached = await ctx.db.comments.toArray();
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.every((c) => c.post === postId(wp, 'article') && c.authorEmail === null && c.authorIp === null)).toBe(
      true,
    );
  });

  it('refuses a wrong Application Password with a plain message and stores nothing', async () => {
    const ctx = testContext();
    await expect(
      connectWithPassword(ctx, { url: wp.url, username: 'redaktion', password: 'wrong wrong wrong wrong' }),
    ).rejects.toMatchObject({ code: 'wrong_credentials', message: expect.stringContaining('did not accept') });
    expect(await ctx.db.sites.count()).toBe(0);
    expect(await ctx.db.credentials.count()).toBe(0);
  });

  it('refuses to connect an origin the user has not allowed', async () => {
    const ctx = testContext();
    grantedOrigins.clear();
    const editor = user(wp, 'editor');
    await expect(
      connectWithPassword(ctx, {
        url: wp.url,
        username: editor.login,
        password: editor.applicationPassword,
      }),
    ).rejects.toMatchObject({ code: 'permission_missing' });
  });

  it('picks up a comment approved elsewhere at the next sync', async () => {
    const ctx = testContext();
    const admin = user(wp, 'admin');
    await connectWithPassword(ctx, {
      url: wp.url,
      username: admin.login,
      password: admin.applicationPassword,
    });
    // Create a pending comment (on a post of this test's own), sync, approve it "in wp-admin"
    // (another REST client), sync again.
    const ownPost = await adminApi(wp).createPost({ title: 'Sync-Test' });
    const created = await restRequest(root, admin, 'wp/v2/comments', {
      method: 'POST',
      body: {
        post: ownPost,
        content: `Synctest ${Date.now()}`,
        author_name: 'Testleser',
        author_email: 'testleser@example.org',
        status: 'hold',
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    await syncPending(ctx, root);
    expect((await ctx.db.comments.get([root, id]))?.status).toBe('hold');
    const approved = await restRequest(root, admin, `wp/v2/comments/${id}`, {
      method: 'POST',
      body: { status: 'approved' },
    });
    expect(approved.status).toBe(200);
    await syncPending(ctx, root);
    // No longer pending: the cache now knows it as approved (from a re-read by id).
    expect((await ctx.db.comments.get([root, id]))?.status).toBe('approved');
    expect(
      await ctx.db.comments
        .where('[siteId+status]')
        .equals([root, 'hold'])
        .filter((c) => c.id === id)
        .count(),
    ).toBe(0);
  });

  it('follows a comment out of the queue that someone moves on later, and lets go of it once deleted (the sweep)', async () => {
    const ctx = testContext();
    const editor = user(wp, 'editor');
    await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
    const api = adminApi(wp);
    const { id } = await api.createComment(await api.createPost({ title: 'Sweep-Test' }), { status: 'hold' });
    await syncPending(ctx, root);
    const admin = user(wp, 'admin');
    const setStatus = async (status: string) =>
      expect(
        (await restRequest(root, admin, `wp/v2/comments/${id}`, { method: 'POST', body: { status } })).status,
      ).toBe(200);
    // Trashed elsewhere: the next sync learns it (it left the queue), and nothing follows it after that
    // but the sweep, a page of the cache out of the queue per sync.
    await setStatus('trash');
    await syncPending(ctx, root);
    expect((await ctx.db.comments.get([root, id]))?.status).toBe('trash');
    await setStatus('spam');
    const outOfQueue = await ctx.db.comments
      .where('[siteId+status]')
      .anyOf([root, 'approved'], [root, 'spam'], [root, 'trash'])
      .count();
    const rounds = Math.ceil(outOfQueue / 100);
    const statusAfterSweep = async () => {
      for (let sync = 0; sync < rounds; sync++) await syncPending(ctx, root);
      return (await ctx.db.comments.get([root, id]))?.status;
    };
    expect(await statusAfterSweep()).toBe('spam');
    expect((await restRequest(root, admin, `wp/v2/comments/${id}?force=true`, { method: 'DELETE' })).status).toBe(200);
    expect(await statusAfterSweep()).toBeUndefined();
  });
});
