/**
 * A queue longer than the cache's cap (fetch-queue.ts, ADR 022): a sync caches the newest
 * `pendingCacheCap` pending comments and counts the older ones; cached ones that fell out of the
 * window are let go without being read again; a stopped sync goes on inside the same window.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../../src/background/outbox/decide.ts';
import { pendingCacheCap } from '../../../src/background/sync/fetch-queue.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { cachedIds, connectedSite, failingWhere, pendingComments, siteId } from '../../support/connected-site.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';

const over = 250;
/** ten thousand comments through the fake WordPress and fake-indexeddb: seconds, not milliseconds */
const slow = { timeout: 60_000 };
const total = pendingCacheCap + over;
const pagesRead = (requests: string[]) =>
  requests
    .filter((request) => request.includes('status=hold') && request.includes('per_page=100'))
    .map((request) => Number(/offset=(\d+)/.exec(request)?.[1] ?? 0));
const rechecks = (requests: string[]) => requests.filter((request) => request.includes('include%5B%5D'));

describe('a queue longer than the cache holds', () => {
  beforeEach(resetFakeBrowser);

  it('caches the newest of them and counts the rest: the badge and the summary say the whole queue', slow, async () => {
    const { ctx, wordpress } = await connectedSite(pendingComments(total));
    const summary = await syncPending(ctx, siteId);
    expect(summary).toEqual({ siteId, pending: total, serverTotal: total });
    const cached = await cachedIds(ctx, 'hold');
    expect(cached).toHaveLength(pendingCacheCap);
    expect([cached[0], cached.at(-1)]).toEqual([over + 1, total]);
    expect((await ctx.db.sites.get(siteId))?.pendingTotal).toBe(total);
    // The first page tells the total; the pass then starts where the newest begin.
    const offsets = pagesRead(wordpress.requests);
    expect(offsets[0]).toBe(0);
    expect(offsets.slice(1).every((offset) => offset >= over)).toBe(true);
    expect(offsets).toHaveLength(1 + pendingCacheCap / 100);
  });

  it(
    'lets go of cached comments the window left behind, without reading them again; a decided one stays',
    slow,
    async () => {
      const { ctx, wordpress } = await connectedSite(pendingComments(300));
      await syncPending(ctx, siteId);
      expect(await cachedIds(ctx, 'hold')).toHaveLength(300);
      // Comment 5 is decided (still waiting in the outbox); then the flood comes.
      await decide(ctx, { siteId, commentIds: [5], decision: 'spam' });
      wordpress.comments.push(...pendingComments(pendingCacheCap, 4, 301));
      const before = wordpress.requests.length;
      const summary = await syncPending(ctx, siteId);
      expect(summary.pending).toBe(300 + pendingCacheCap);
      const cached = await cachedIds(ctx, 'hold');
      expect(cached).toHaveLength(pendingCacheCap);
      expect(cached[0]).toBe(301);
      expect(rechecks(wordpress.requests.slice(before))).toEqual([]);
      expect(await cachedIds(ctx, 'spam')).toEqual([5]);
    },
  );

  it('a sync stopped inside the window goes on there and ends with the same window', slow, async () => {
    const { ctx, wordpress, clock } = await connectedSite(pendingComments(total));
    const stopAt = over + 300;
    const stopped = {
      ...ctx,
      fetch: failingWhere(
        wordpress.fetch,
        (url) => url.searchParams.get('per_page') === '100' && Number(url.searchParams.get('offset') ?? 0) >= stopAt,
      ),
    };
    await expect(syncPending(stopped, siteId)).rejects.toMatchObject({ code: 'network' });
    expect((await ctx.db.syncState.get(siteId))?.cursor?.window).toEqual({ start: over, firstId: over + 1 });
    clock.now += 60_000;
    const before = wordpress.requests.length;
    expect(await syncPending(ctx, siteId)).toEqual({ siteId, pending: total, serverTotal: total });
    // Went on after the last page written: the start of the list is not read again.
    expect(Math.min(...pagesRead(wordpress.requests.slice(before)))).toBe(stopAt);
    const cached = await cachedIds(ctx, 'hold');
    expect([cached.length, cached[0]]).toEqual([pendingCacheCap, over + 1]);
  });
});
