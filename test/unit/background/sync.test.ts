import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { badgeColors, countPending, updateBadges } from '../../../src/background/badge.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { setTabPage } from '../../../src/background/tab-state.ts';
import { withStatus } from '../../../src/shared/db/comment-ranges.ts';
import { saveSettings } from '../../../src/shared/settings.ts';
import { testContext } from '../../support/background-context.ts';
import { badges, resetFakeBrowser } from '../../support/fake-browser.ts';
import { type FakeComment, fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSite, testSiteId } from '../../support/rows.ts';

const siteId = testSiteId;

async function connectedContext(comments: FakeComment[], options: Parameters<typeof fakeWordPress>[1] = {}) {
  const wordpress = fakeWordPress(comments, options);
  const ctx = testContext({ fetch: wordpress.fetch, now: () => 1_000_000 });
  await ctx.db.sites.put(testSite());
  await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  return { ctx, wordpress };
}

const pending = (count: number, post = 4, start = 1): FakeComment[] =>
  Array.from({ length: count }, (_, i) => ({ id: start + i, post, status: 'hold', type: 'comment' }));

describe('syncPending', () => {
  beforeEach(resetFakeBrowser);

  it('keeps a comment whose date does not parse in the queue of all sites and in the count, as the oldest', async () => {
    const { ctx } = await connectedContext([
      { id: 1, post: 4, status: 'hold', type: 'comment', date_gmt: '0000-00-00 00:00:00' },
      { id: 2, post: 4, status: 'hold', type: 'comment' },
    ]);
    await syncPending(ctx, siteId);
    expect((await withStatus(ctx.db, 'hold').reverse().toArray()).map((row) => [row.id, row.date])).toEqual([
      [2, Date.parse('2026-11-29T08:00:00Z')],
      [1, 0],
    ]);
    expect(await countPending(ctx)).toBe(2);
  });

  it('pulls every page of the pending queue, of every type, in id order, with post titles', async () => {
    const { ctx, wordpress } = await connectedContext([
      ...pending(230),
      { id: 500, post: 9, status: 'hold', type: 'pingback' },
      { id: 501, post: 150, status: 'hold', type: 'trackback' },
      { id: 600, post: 4, status: 'approved', type: 'comment' },
    ]);
    const summary = await syncPending(ctx, siteId);
    expect(summary).toEqual({ siteId, pending: 232, serverTotal: 232 });
    expect(await ctx.db.comments.count()).toBe(232);
    const listRequests = wordpress.requests.filter(
      (r) => r.startsWith('/wp-json/wp/v2/comments') && r.includes('per_page=100'),
    );
    expect(listRequests).toHaveLength(3);
    for (const request of listRequests) {
      expect(request).toContain('status=hold');
      expect(request).toContain('type=all');
      expect(request).toContain('per_page=100');
      expect(request).toContain('orderby=id');
      expect(request).toContain('context=edit');
    }
    expect((await ctx.db.posts.get([siteId, 4]))?.title).toBe('Beitrag 4');
    // Post 150 is no post: the sync looks for it among pages.
    expect((await ctx.db.posts.get([siteId, 150]))?.title).toBe('Seite 150');
    const stored = await ctx.db.comments.get([siteId, 1]);
    expect(stored).toMatchObject({ authorIp: '198.51.100.7', authorUserAgent: 'Firefox', contentRaw: 'Kommentar 1' });
    expect(await ctx.db.sites.get(siteId)).toMatchObject({
      status: 'connected',
      pendingTotal: 232,
      lastSyncAt: 1_000_000,
    });
  });

  it('never lists editor notes (WordPress 6.9 "note" type) as comments', async () => {
    const { ctx } = await connectedContext([...pending(2), { id: 90, post: 4, status: 'hold', type: 'note' }]);
    await syncPending(ctx, siteId);
    expect((await ctx.db.comments.toArray()).map((c) => c.id)).toEqual([1, 2]);
  });

  it('drops cached pending comments that were decided elsewhere', async () => {
    const { ctx } = await connectedContext(pending(2));
    await syncPending(ctx, siteId);
    const cached = await ctx.db.comments.get([siteId, 1]);
    if (!cached) throw new Error('comment 1 not cached');
    // Comment 77 was pending at an earlier sync; meanwhile someone approved it in wp-admin.
    await ctx.db.comments.put({ ...cached, id: 77 });
    expect(await ctx.db.comments.count()).toBe(3);
    await syncPending(ctx, siteId);
    expect((await ctx.db.comments.toArray()).map((c) => c.id)).toEqual([1, 2]);
  });

  it('writes only what changed: the same queue again writes no comment; an edit made elsewhere is written', async () => {
    const comments = pending(150);
    const { ctx } = await connectedContext(comments);
    await syncPending(ctx, siteId);
    // Every cached row marked: a row the next sync writes loses the mark.
    await ctx.db.comments.toCollection().modify({ syncedAt: -1 });
    const edited = comments[119];
    if (!edited) throw new Error('no comment 120');
    edited.content = 'Korrigiert von der Redaktion';
    let notices = 0;
    // Notices naming comments (an empty range names none: the popup reads nothing for it).
    const count = (parts: Record<string, unknown>) => {
      const comments = Object.entries(parts).find(([part]) => part.endsWith('/comments/'))?.[1];
      if (comments && typeof comments === 'object' && 'from' in comments) notices += 1;
    };
    await new Promise((settled) => setTimeout(settled, 20)); // the marking's own notice
    Dexie.on('storagemutated', count);
    try {
      await syncPending(ctx, siteId);
    } finally {
      Dexie.on('storagemutated').unsubscribe(count);
    }
    const rows = await ctx.db.comments.toArray();
    expect(rows.filter((row) => row.syncedAt !== -1).map((row) => row.id)).toEqual([120]);
    expect((await ctx.db.comments.get([siteId, 120]))?.contentRaw).toBe('Korrigiert von der Redaktion');
    // One page held the edit: one change notice for the comments, not one per page.
    expect(notices).toBe(1);
    // What the sync read is not kept once it is done.
    expect(await ctx.db.syncSeen.count()).toBe(0);
  });

  it('marks the site "needs login" when WordPress no longer accepts the credentials, and keeps the cache', async () => {
    const { ctx } = await connectedContext(pending(3));
    await syncPending(ctx, siteId);
    const failing = fakeWordPress([], { failWith: 401 });
    const later = { ...ctx, fetch: failing.fetch };
    await expect(syncPending(later, siteId)).rejects.toMatchObject({ kind: 'auth' });
    expect(await ctx.db.sites.get(siteId)).toMatchObject({ status: 'needs-login' });
    expect(await ctx.db.comments.count()).toBe(3);
  });

  it('marks the site offline when it cannot be reached', async () => {
    const { ctx } = await connectedContext([]);
    const offline = {
      ...ctx,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    };
    await expect(syncPending(offline, siteId)).rejects.toMatchObject({ code: 'network' });
    expect(await ctx.db.sites.get(siteId)).toMatchObject({ status: 'offline' });
  });

  it('joins a sync already running for the same site instead of starting a second', async () => {
    const { ctx, wordpress } = await connectedContext(pending(5));
    const [first, second] = await Promise.all([syncPending(ctx, siteId), syncPending(ctx, siteId)]);
    expect(first).toBe(second);
    // One read of the queue (and one count per status, two for editor notes), not two.
    expect(wordpress.requests.filter((r) => r.includes('status=hold') && r.includes('per_page=100'))).toHaveLength(1);
    expect(wordpress.requests.filter((r) => r.includes('per_page=1&'))).toHaveLength(6);
  });

  it('runs once more after a running sync when the user asks for a fresh one: what came after its read is seen', async () => {
    const comments = pending(5);
    const { ctx, wordpress } = await connectedContext(comments);
    let queueReads = 0;
    const fetchQueue = ctx.fetch;
    // A comment arrives on WordPress right after the running sync read the queue.
    ctx.fetch = async (input, init) => {
      const response = await fetchQueue(input, init);
      if (String(input).includes('status=hold') && String(input).includes('per_page=100') && ++queueReads === 1) {
        comments.push({ id: 6, post: 4, status: 'hold', type: 'comment' });
      }
      return response;
    };
    const running = syncPending(ctx, siteId);
    const joined = syncPending(ctx, siteId);
    const [fresh, freshToo] = [syncPending(ctx, siteId, { fresh: true }), syncPending(ctx, siteId, { fresh: true })];
    expect(joined).toBe(running);
    expect(freshToo).toBe(fresh);
    expect((await running).pending).toBe(5);
    expect((await fresh).pending).toBe(6);
    expect(await ctx.db.comments.get([siteId, 6])).toBeDefined();
    // Two reads of the queue: the running one and one after it for both fresh requests.
    expect(wordpress.requests.filter((r) => r.includes('status=hold') && r.includes('per_page=100'))).toHaveLength(2);
  });
});

describe('badge', () => {
  beforeEach(resetFakeBrowser);

  it('shows the article’s pending count on its tab and the total elsewhere', async () => {
    const { ctx } = await connectedContext([...pending(3, 4), ...pending(2, 9, 100)]);
    await syncPending(ctx, siteId);
    await setTabPage(ctx, 11, { siteId, postId: 4 });
    await setTabPage(ctx, 12, { siteId, postId: 50 });
    await setTabPage(ctx, 13, { siteId, postId: null });
    await updateBadges(ctx);
    expect(badges.get('global')).toMatchObject({ text: '5', title: 'Freigabe: 5 pending across your sites' });
    expect(badges.get(11)).toMatchObject({ text: '3', title: 'Freigabe: 3 pending on this article' });
    // An article without pending comments, and the home page: the total.
    expect(badges.get(12)).toMatchObject({ text: '5' });
    expect(badges.get(13)).toMatchObject({ text: '5' });
    expect(badges.get(11)?.color).not.toBe(badges.get(12)?.color);
  });

  it('counts Unreplied only when the user turns it on (ADR 028)', async () => {
    const { ctx } = await connectedContext(pending(2));
    await syncPending(ctx, siteId);
    await ctx.db.sites.update(siteId, { unreplied: { count: 3, checkedAt: 0 } });
    await updateBadges(ctx);
    expect(badges.get('global')).toMatchObject({ text: '2', title: 'Freigabe: 2 pending across your sites' });
    await saveSettings(ctx.db, { countUnrepliedOnBadge: true });
    await updateBadges(ctx);
    expect(badges.get('global')).toMatchObject({
      text: '5',
      title: 'Freigabe: 2 pending across your sites\n3 awaiting your reply',
    });
  });

  it('is empty when nothing is pending', async () => {
    const { ctx } = await connectedContext([]);
    await syncPending(ctx, siteId);
    await updateBadges(ctx);
    expect(await countPending(ctx)).toBe(0);
    expect(badges.get('global')?.text).toBe('');
  });
});

describe('changes made elsewhere', () => {
  beforeEach(resetFakeBrowser);

  it('learns where cached pending comments went: approved or spammed elsewhere, or deleted', async () => {
    const { ctx, wordpress } = await connectedContext(pending(3));
    await syncPending(ctx, siteId);
    const [first, second, third] = wordpress.comments;
    if (!first || !second || !third) throw new Error('comments missing');
    first.status = 'approved';
    second.status = 'spam';
    wordpress.comments.splice(wordpress.comments.indexOf(third), 1);
    await syncPending(ctx, siteId);
    expect((await ctx.db.comments.toArray()).map((c) => [c.id, c.status])).toEqual([
      [1, 'approved'],
      [2, 'spam'],
    ]);
    expect(
      wordpress.requests.some((request) => request.includes('include%5B%5D=1') && request.includes('status=any')),
    ).toBe(true);
  });

  it('reads again when the queue changed while it was read, and loses nobody who is still pending', async () => {
    const { ctx, wordpress } = await connectedContext(pending(250));
    // Another moderator approves the first 30 comments right after page 1 is served.
    let served = 0;
    const racing: typeof fetch = async (input, init) => {
      const response = await wordpress.fetch(input, init);
      if (String(input).includes('status=hold') && ++served === 1) {
        for (const comment of wordpress.comments.slice(0, 30)) comment.status = 'approved';
      }
      return response;
    };
    await syncPending({ ...ctx, fetch: racing }, siteId);
    const cachedPending = (await withStatus(ctx.db, 'hold').toArray()).map((c) => c.id);
    expect(cachedPending).toEqual(Array.from({ length: 220 }, (_, i) => i + 31));
  });
});

describe('badge states', () => {
  beforeEach(resetFakeBrowser);

  it('turns red with "!" when a site needs a new sign-in, grey when one is offline or blocked by its firewall', async () => {
    const { ctx } = await connectedContext(pending(2));
    await syncPending(ctx, siteId);
    await setTabPage(ctx, 11, { siteId, postId: 4 });

    await ctx.db.sites.update(siteId, { status: 'needs-login' });
    await updateBadges(ctx);
    expect(badges.get('global')).toMatchObject({ text: '2', color: badgeColors.needsLogin });
    expect(badges.get('global')?.title).toContain('Sign in again: Freigabe Demo');
    // On its article, too: the sign-in matters more than the count.
    expect(badges.get(11)).toMatchObject({ color: badgeColors.needsLogin });

    await ctx.db.comments.clear();
    await updateBadges(ctx);
    expect(badges.get('global')?.text).toBe('!');

    await ctx.db.sites.update(siteId, { status: 'offline' });
    await updateBadges(ctx);
    expect(badges.get('global')).toMatchObject({ text: '', color: badgeColors.offline });
    expect(badges.get('global')?.title).toContain('Offline: Freigabe Demo');

    await ctx.db.sites.update(siteId, { status: 'blocked' });
    await updateBadges(ctx);
    expect(badges.get('global')).toMatchObject({ color: badgeColors.offline });
    expect(badges.get('global')?.title).toContain("Blocked by the site's firewall (decisions wait): Freigabe Demo");
  });
});
