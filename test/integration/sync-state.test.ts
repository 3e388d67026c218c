/**
 * The rest of a sync against the real WordPress: counts per status as the server counts them, the
 * thread context of an article and the parents of pending comments, a sync stopped mid-way that
 * goes on where it stopped, local reputation through decisions, undo and re-syncs, and the
 * optional notification of new pending comments.
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { addComments } from '../../scripts/wp/index.ts';
import type { BackgroundContext } from '../../src/background/context.ts';
import { newPendingNotification } from '../../src/background/notify.ts';
import { decide, undo } from '../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../src/background/outbox/flush.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { contextFreshForMs, fetchThreadContext } from '../../src/background/sync/thread-context.ts';
import { ofPost } from '../../src/shared/db/comment-ranges.ts';
import { outcomeOfStatus, reputationKeys } from '../../src/shared/reputation.ts';
import { saveSettings } from '../../src/shared/settings.ts';
import { testContext } from '../support/background-context.ts';
import { fakeBrowser, grantedOrigins, grantedPermissions, resetFakeBrowser } from '../support/fake-browser.ts';
import { basicAuth, commentTotal, postId, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const siteId = `${wp.url}/wp-json/`;
const admin = adminApi(wp);

beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

async function connected(key: 'editor' | 'author', overrides: Partial<BackgroundContext> = {}) {
  const account = user(wp, key);
  const ctx = testContext(overrides);
  await connectWithPassword(ctx, { url: wp.url, username: account.login, password: account.applicationPassword });
  return ctx;
}

/** Every id of a comments query, read as the administrator (the oracle), in id order. */
async function serverIds(query: Record<string, string>): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({
      per_page: '100',
      page: String(page),
      orderby: 'id',
      order: 'asc',
      _fields: 'id',
      ...query,
    });
    const response = await fetch(`${wp.url}/wp-json/wp/v2/comments?${params}`, {
      headers: { Authorization: basicAuth(user(wp, 'admin')) },
    });
    const items = (await response.json()) as { id: number }[];
    ids.push(...items.map((item) => item.id));
    if (page >= Number(response.headers.get('X-WP-TotalPages'))) return ids;
  }
}

async function cachedIds(ctx: BackgroundContext, status: string): Promise<number[]> {
  return (await ctx.db.comments.where('[siteId+status]').equals([siteId, status]).primaryKeys()).map(([, id]) => id);
}

describe('counts per status', () => {
  it('an editor’s counts are the server’s X-WP-Total of each status', async () => {
    const ctx = await connected('editor');
    const oracle = user(wp, 'admin');
    // Comments and pings: WordPress's type=all also counts editor notes (6.9+), which are no comments.
    const total = async (status: string) =>
      (await commentTotal(wp, oracle, { status, type: 'comment' })) +
      (await commentTotal(wp, oracle, { status, type: 'pings' }));
    expect((await ctx.db.syncState.get(siteId))?.counts).toEqual({
      hold: await total('hold'),
      approved: await total('approve'),
      spam: await total('spam'),
      trash: await total('trash'),
      at: expect.any(Number),
    });
  });

  it('an author’s: the pending comments on their posts, and null for what WordPress counts site-wide', async () => {
    const ctx = await connected('author');
    const katrin = user(wp, 'author');
    const response = await fetch(`${wp.url}/wp-json/wp/v2/posts?author=${katrin.id}&per_page=100&_fields=id`, {
      headers: { Authorization: basicAuth(user(wp, 'admin')) },
    });
    const posts = ((await response.json()) as { id: number }[]).map((post) => String(post.id));
    const onHerPosts = (await serverIds({ status: 'hold', type: 'all', post: posts.join(',') })).length;
    expect(onHerPosts).toBeGreaterThan(0);
    // WordPress's own total for her counts every post's pending comments.
    expect(await commentTotal(wp, katrin, { status: 'hold', type: 'all' })).toBeGreaterThan(onHerPosts);
    expect((await ctx.db.syncState.get(siteId))?.counts).toEqual({
      hold: onHerPosts,
      approved: null,
      spam: null,
      trash: null,
      at: expect.any(Number),
    });
  });
});

describe('thread context and parents', () => {
  it('caches the approved comments of the article looked at, and the comments pending ones reply to', async () => {
    const ctx = await connected('editor');
    const article = postId(wp, 'article');
    // "in reply to": every cached pending comment's parent is cached too.
    for (const pending of await ctx.db.comments.where('[siteId+status]').equals([siteId, 'hold']).toArray()) {
      if (pending.parent > 0)
        expect(await ctx.db.comments.get([siteId, pending.parent]), `${pending.id}`).toBeDefined();
    }
    expect(await ctx.db.comments.get([siteId, wp.comments['jonas-again'] ?? 0])).toMatchObject({ status: 'approved' });

    expect(await fetchThreadContext(ctx, siteId, article)).toBeGreaterThan(5);
    const approvedOnArticle = (
      await ctx.db.comments.where('[siteId+post+status]').equals([siteId, article, 'approved']).primaryKeys()
    ).map(([, id]) => id);
    const onServer = [
      ...(await serverIds({ status: 'approve', type: 'comment', post: String(article) })),
      ...(await serverIds({ status: 'approve', type: 'pings', post: String(article) })),
    ].sort((a, b) => a - b);
    // Every approved comment and ping, and no editor note (type=all would list those too).
    expect(approvedOnArticle).toEqual(onServer);
    // Moderators get the commenters' data with it (for reputation).
    expect(await ctx.db.comments.get([siteId, wp.comments.jonas ?? 0])).toMatchObject({
      authorEmail: 'jonas.wendt@example.org',
      authorIp: '198.51.100.23',
    });
    expect((await ctx.db.syncState.get(siteId))?.contextFetchedAt[article]).toEqual(expect.any(Number));
  });
});

describe('a sync stopped mid-way', () => {
  it('goes on after the last id written: nothing missing, nothing twice, checked against the server', async () => {
    const post = await admin.createPost({ title: 'Wiederaufnahme' });
    const added = await addComments({ url: wp.url, dir: inject('wpDir') }, post, 450);
    const pendingOnServer = await serverIds({ status: 'hold', type: 'all' });
    // Other tests' comments may come first: the network drops two pages into this test's own.
    const mine = pendingOnServer.indexOf(added.first);
    const dropAt = Math.ceil((mine + 200) / 100) * 100;
    const requests: string[] = [];
    let dropping = true;
    const flaky: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      requests.push(url.search);
      const page = url.searchParams.get('status') === 'hold' && url.searchParams.get('per_page') === '100';
      if (dropping && page && Number(url.searchParams.get('offset') ?? 0) >= dropAt) {
        throw new TypeError('Failed to fetch');
      }
      return fetch(input, init);
    };
    // The connect's first sync stops there.
    const ctx = await connected('editor', { fetch: flaky });
    expect(await cachedIds(ctx, 'hold')).toEqual(pendingOnServer.slice(0, dropAt));
    expect((await ctx.db.syncState.get(siteId))?.cursor).toMatchObject({
      afterId: pendingOnServer[dropAt - 1],
      nextOffset: dropAt,
    });
    expect((await ctx.db.sites.get(siteId))?.status).toBe('offline');

    // Meanwhile someone approves one of this test's comments before the cursor and deletes one after it.
    const [before = 0, after = 0] = [pendingOnServer[dropAt - 50], pendingOnServer[dropAt + 50]];
    expect(before).toBeGreaterThanOrEqual(added.first);
    expect(after).toBeLessThanOrEqual(added.last);
    const auth = { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' };
    await fetch(`${siteId}wp/v2/comments/${before}`, { method: 'POST', headers: auth, body: '{"status":"approved"}' });
    await fetch(`${siteId}wp/v2/comments/${after}?force=true`, { method: 'DELETE', headers: auth });

    dropping = false;
    requests.length = 0;
    const summary = await syncPending(ctx, siteId);
    const nowPending = await serverIds({ status: 'hold', type: 'all' });
    expect(await cachedIds(ctx, 'hold')).toEqual(nowPending);
    expect(summary.pending).toBe(nowPending.length);
    expect((await ctx.db.comments.get([siteId, before]))?.status).toBe('approved');
    expect(await ctx.db.comments.get([siteId, after])).toBeUndefined();
    expect((await ctx.db.syncState.get(siteId))?.cursor).toBeNull();
    // The first pages were not read again (only the comments before the cursor re-checked by id).
    const pages = requests.filter((search) => search.includes('status=hold') && search.includes('per_page=100'));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((search) => /offset=\d+/.test(search))).toBe(true);
  });
});

describe('local reputation', () => {
  it('follows decisions, undo and re-syncs, counting each comment once', async () => {
    const ip = `198.51.100.${50 + Math.floor(Math.random() * 100)}`;
    const post = await admin.createPost({ title: 'Ruf' });
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) ids.push((await admin.createComment(post, { status: 'hold', ip })).id);
    const [approveMe = 0, spamMe = 0, trashMe = 0] = ids;
    ids.push((await admin.createComment(post, { status: 'approved', ip })).id);
    let now = Date.now();
    const ctx = await connected('editor', { now: () => now });
    const counts = async () => {
      const row = await ctx.db.reputation.get([siteId, `ip:${ip}`]);
      return row ? { approved: row.approved, spam: row.spam, trashed: row.trashed } : null;
    };
    await fetchThreadContext(ctx, siteId, post);
    expect(await counts()).toEqual({ approved: 1, spam: 0, trashed: 0 });

    await decide(ctx, { siteId, commentIds: [approveMe], decision: 'approve', undoWindowMs: 0 });
    const [spamDecision = 0] = await decide(ctx, { siteId, commentIds: [spamMe], decision: 'spam', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [trashMe], decision: 'trash', undoWindowMs: 0 });
    expect(await counts()).toEqual({ approved: 2, spam: 1, trashed: 1 });
    while ((await flushOutbox(ctx)).sent > 0) {
      // until everything is sent
    }
    expect((await admin.read(spamMe)).status).toBe('spam');
    expect(await undo(ctx, spamDecision)).toBe('reversed');
    expect(await counts()).toEqual({ approved: 2, spam: 0, trashed: 1 });
    while ((await flushOutbox(ctx)).sent > 0) {
      // the unspam
    }
    expect((await admin.read(spamMe)).status).toBe('hold');
    for (let round = 0; round < 2; round++) {
      now += contextFreshForMs;
      await syncPending(ctx, siteId);
      await fetchThreadContext(ctx, siteId, post);
    }
    expect(await counts()).toEqual({ approved: 2, spam: 0, trashed: 1 });
    for (const comment of await ofPost(ctx.db, siteId, post).toArray()) {
      for (const key of reputationKeys(comment)) {
        const row = await ctx.db.reputation.get([siteId, key]);
        expect(row?.byComment?.[comment.id]).toBe(outcomeOfStatus(comment.status) ?? undefined);
      }
    }
  });
});

describe('new pending notification', () => {
  it('announces the new ids once, and nothing when the setting is off', async () => {
    let now = Date.now();
    const ctx = await connected('editor', { now: () => now });
    await saveSettings(ctx.db, { notifyNewPending: true });
    grantedPermissions.add('notifications');
    const shown = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((n) => n.message);
    expect(shown()).toEqual([]);
    const post = await admin.createPost({ title: 'Neu' });
    for (let i = 0; i < 3; i++) await admin.createComment(post, { status: 'hold' });
    now += 120_000;
    await syncPending(ctx, siteId);
    expect(shown()).toEqual(['3 new comments on Freigabe Demo']);
    await fakeBrowser.notifications.clear(`${newPendingNotification}${siteId}`);
    now += 120_000;
    await syncPending(ctx, siteId);
    expect(shown()).toEqual([]);

    await saveSettings(ctx.db, { notifyNewPending: false });
    await admin.createComment(post, { status: 'hold' });
    now += 120_000;
    await syncPending(ctx, siteId);
    expect(shown()).toEqual([]);
  });
});
