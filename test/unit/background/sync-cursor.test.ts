/**
 * Chunked writes with a cursor: every page of the pending queue is written in its own transaction
 * with the sync cursor, so a sync stopped in the middle goes on after the last id written — and
 * still ends with exactly the server's pending comments, unsent decisions kept.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../../src/background/outbox/flush.ts';
import { maxResumeAgeMs, syncPending } from '../../../src/background/sync/pull-pending.ts';
import { cachedIds, connectedSite, failingWhere, pendingComments, siteId } from '../../support/connected-site.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';

const pendingPage = (url: URL) =>
  url.searchParams.get('status') === 'hold' && url.searchParams.get('per_page') === '100';
const pageOffset = (url: URL) => Number(url.searchParams.get('offset') ?? 0);
/** Where is the last comment written now? (one id, in id order) */
const isProbe = (request: string) => /_fields=id(&|$)/.test(request) && request.includes('orderby=id');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** 250 pending comments, and a sync that stopped (the network gone) after writing pages 1 and 2. */
async function stoppedAfterTwoPages() {
  const site = await connectedSite(pendingComments(250));
  const stopped = {
    ...site.ctx,
    fetch: failingWhere(site.wordpress.fetch, (url) => pendingPage(url) && pageOffset(url) >= 200),
  };
  await expect(syncPending(stopped, siteId)).rejects.toMatchObject({ code: 'network' });
  return site;
}

describe('pending pull in chunks with a cursor', () => {
  beforeEach(resetFakeBrowser);

  it('writes page by page; a sync stopped after page 2 goes on after the last id written, not from the start', async () => {
    const { ctx, wordpress, clock } = await stoppedAfterTwoPages();
    expect(await cachedIds(ctx, 'hold')).toEqual(range(1, 200));
    expect((await ctx.db.syncState.get(siteId))?.cursor).toEqual({
      startedAt: 1_000_000,
      afterId: 200,
      nextOffset: 200,
      pendingSeen: 200,
      newPending: 200,
    });
    expect((await ctx.db.sites.get(siteId))?.status).toBe('offline');

    clock.now += 60_000;
    const before = wordpress.requests.length;
    const summary = await syncPending(ctx, siteId);
    const requests = wordpress.requests.slice(before);
    // One probe (is comment 200 still the 200th?), then the rest; page 1 is not read again.
    expect(requests.filter(isProbe)).toEqual([expect.stringContaining('offset=199')]);
    const pages = requests.filter((r) => r.includes('status=hold') && r.includes('per_page=100'));
    expect(pages).toEqual([expect.stringContaining('offset=200')]);
    // Nothing to re-check by id: comment 200 was still the 200th.
    expect(requests.some((r) => r.startsWith('/wp-json/wp/v2/comments') && r.includes('include%5B%5D'))).toBe(false);
    expect(summary).toEqual({ siteId, pending: 250, serverTotal: 250 });
    expect(await cachedIds(ctx, 'hold')).toEqual(range(1, 250));
    const state = await ctx.db.syncState.get(siteId);
    expect(state?.cursor).toBeNull();
    // The resumed sync is the stopped one finishing: same start time on every row.
    expect(new Set((await ctx.db.comments.toArray()).map((c) => c.syncedAt))).toEqual(new Set([1_000_000]));
  });

  it('marks one row per page, and a stopped sync goes on from marks written one per comment (before) as well', async () => {
    const { ctx, wordpress, clock } = await stoppedAfterTwoPages();
    const marks = await ctx.db.syncSeen.toArray();
    expect(marks.map((mark) => [mark.id, mark.ids?.length])).toEqual([
      [100, 100],
      [200, 100],
    ]);
    // As an older version wrote them: one row per comment read.
    await ctx.db.syncSeen.clear();
    await ctx.db.syncSeen.bulkPut(
      marks.flatMap((mark) => (mark.ids ?? []).map((id) => ({ siteId, id, syncedAt: mark.syncedAt }))),
    );
    clock.now += 60_000;
    const before = wordpress.requests.length;
    expect(await syncPending(ctx, siteId)).toEqual({ siteId, pending: 250, serverTotal: 250 });
    // What the stopped sync read counted as read: nothing re-checked by id.
    const requests = wordpress.requests.slice(before);
    expect(requests.some((r) => r.startsWith('/wp-json/wp/v2/comments') && r.includes('include%5B%5D'))).toBe(false);
    expect(await cachedIds(ctx, 'hold')).toEqual(range(1, 250));
    expect(await ctx.db.syncSeen.count()).toBe(0);
  });

  it('stopped after 4 of 10 pages while others moderate on both sides of the cursor: ends with exactly the server’s queue', async () => {
    const { ctx, wordpress, clock } = await connectedSite(pendingComments(1000));
    const stopped = {
      ...ctx,
      fetch: failingWhere(wordpress.fetch, (url) => pendingPage(url) && pageOffset(url) >= 400),
    };
    await expect(syncPending(stopped, siteId)).rejects.toThrow();
    expect(await cachedIds(ctx, 'hold')).toEqual(range(1, 400));
    expect((await ctx.db.syncState.get(siteId))?.cursor?.afterId).toBe(400);

    // Meanwhile in wp-admin: before the cursor 10 and 20 approved, 30 spammed; after it 450
    // approved and 500 deleted; two new comments arrive.
    const byId = (id: number) => wordpress.comments.find((c) => c.id === id);
    for (const id of [10, 20, 450]) Object.assign(byId(id) ?? {}, { status: 'approved' });
    Object.assign(byId(30) ?? {}, { status: 'spam' });
    wordpress.comments.splice(wordpress.comments.indexOf(byId(500) ?? { id: 0, post: 0, status: '', type: '' }), 1);
    wordpress.comments.push({ id: 1001, post: 4, status: 'hold', type: 'comment' });
    wordpress.comments.push({ id: 1002, post: 9, status: 'hold', type: 'pingback' });

    clock.now += 60_000;
    const before = wordpress.requests.length;
    await syncPending(ctx, siteId);
    const serverPending = wordpress.comments.filter((c) => c.status === 'hold').map((c) => c.id);
    expect(await cachedIds(ctx, 'hold')).toEqual(serverPending);
    expect(await ctx.db.comments.get([siteId, 10])).toMatchObject({ status: 'approved' });
    expect(await ctx.db.comments.get([siteId, 30])).toMatchObject({ status: 'spam' });
    expect(await ctx.db.comments.get([siteId, 500])).toBeUndefined();
    // Nothing twice, nothing extra: the pending ones plus the three that moved.
    expect(await ctx.db.comments.count()).toBe(serverPending.length + 3);
    expect((await ctx.db.sites.get(siteId))?.pendingTotal).toBe(serverPending.length);
    // The list before the cursor shrank, so what the stopped sync wrote was re-checked by id; the
    // pages before the cursor were not read again.
    const requests = wordpress.requests.slice(before);
    expect(requests.some((r) => r.includes('include%5B%5D=10&'))).toBe(true);
    expect(requests.filter((r) => pendingPage(new URL(`https://blog.example${r}`)) && !r.includes('offset='))).toEqual(
      [],
    );
  });

  it('a cursor older than five minutes starts over', async () => {
    const { ctx, wordpress, clock } = await connectedSite(pendingComments(250));
    const stopped = {
      ...ctx,
      fetch: failingWhere(wordpress.fetch, (url) => pendingPage(url) && pageOffset(url) >= 200),
    };
    const firstStart = clock.now;
    await expect(syncPending(stopped, siteId)).rejects.toThrow();
    clock.now += maxResumeAgeMs + 1;
    const before = wordpress.requests.length;
    await syncPending(ctx, siteId);
    const requests = wordpress.requests.slice(before);
    expect(requests.filter(isProbe)).toEqual([]);
    expect(requests.filter((r) => r.includes('status=hold') && r.includes('per_page=100'))).toHaveLength(3);
    expect(await cachedIds(ctx, 'hold')).toEqual(range(1, 250));
    // Read again from the start, but only what was not cached is written: the first 200 are unchanged.
    const written = (await ctx.db.comments.toArray()).map((c) => c.syncedAt);
    expect(written.filter((at) => at === clock.now)).toHaveLength(50);
    expect(written.filter((at) => at <= firstStart)).toHaveLength(200);
    expect(await ctx.db.syncSeen.count()).toBe(0);
  });

  it('unsent decisions win in every page, also across a stop', async () => {
    const { ctx, wordpress, clock } = await connectedSite(pendingComments(250));
    await syncPending(ctx, siteId);
    await decide(ctx, { siteId, commentIds: [150], decision: 'approve' });
    await decide(ctx, { siteId, commentIds: [220], decision: 'spam' });
    await decide(ctx, { siteId, commentIds: [5], decision: 'delete' });
    clock.now += 1_000;
    const stopped = {
      ...ctx,
      fetch: failingWhere(wordpress.fetch, (url) => pendingPage(url) && pageOffset(url) >= 200),
    };
    await expect(syncPending(stopped, siteId)).rejects.toThrow();
    expect((await ctx.db.comments.get([siteId, 150]))?.status).toBe('approved');
    expect(await ctx.db.comments.get([siteId, 5])).toBeUndefined();
    await syncPending(ctx, siteId);
    expect((await ctx.db.comments.get([siteId, 150]))?.status).toBe('approved');
    expect((await ctx.db.comments.get([siteId, 220]))?.status).toBe('spam');
    expect(await ctx.db.comments.get([siteId, 5])).toBeUndefined();
    expect(wordpress.writes).toEqual([]);
  });

  it('a decision sent while a sync reads keeps what WordPress answered, not the older page', async () => {
    const { ctx, wordpress, clock } = await connectedSite(pendingComments(50));
    await syncPending(ctx, siteId);
    await decide(ctx, { siteId, commentIds: [5], decision: 'approve', undoWindowMs: 0 });
    clock.now += 1_000;
    let flushed = false;
    // The first page is read while comment 5 is still pending; the flush sends it before the page is written.
    const racing: typeof fetch = async (input, init) => {
      const response = await wordpress.fetch(input, init);
      if (!flushed && pendingPage(new URL(String(input)))) {
        flushed = true;
        expect(await flushOutbox(ctx)).toMatchObject({ done: 1 });
      }
      return response;
    };
    await syncPending({ ...ctx, fetch: racing }, siteId);
    expect(flushed).toBe(true);
    expect(wordpress.comments.find((c) => c.id === 5)?.status).toBe('approved');
    expect((await ctx.db.comments.get([siteId, 5]))?.status).toBe('approved');
  });
});
