/**
 * The rest of the cache out of the queue is read again a page per sync, round the cache
 * (sync/sweep.ts): someone else's later change reaches the popup's Approved, Spam and Trash views.
 * The storm soak found comment 486 (seed 920731) in Trash in the cache, in Spam on WordPress, after
 * the colleague moved it twice and nothing followed it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { nextSweep, sweptPerSync } from '../../../src/background/sync/sweep.ts';
import { cachedIds, connectedSite, fakeComment, pendingComments, siteId } from '../../support/connected-site.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('nextSweep (pure)', () => {
  it.each([
    { ids: range(1, 250), after: 0, taken: [1, 100], next: 100 },
    { ids: range(1, 250), after: 100, taken: [101, 200], next: 200 },
    // At the end it goes on from the start: a full page each time.
    { ids: range(1, 250), after: 200, taken: [201, 50], next: 50 },
    { ids: range(1, 250), after: 999, taken: [1, 100], next: 100 },
    // Fewer than a page: all of them, and the next sync starts again.
    { ids: range(1, 40), after: 20, taken: [1, 40], next: 0 },
  ])(
    'after $after among $ids.length: from $taken.0 to $taken.1, then on after $next',
    ({ ids, after, taken, next }) => {
      const sweep = nextSweep([...ids].reverse(), after);
      expect(sweep.ids).toHaveLength(Math.min(ids.length, sweptPerSync));
      expect([sweep.ids[0], sweep.ids.at(-1), sweep.next]).toEqual([...taken, next]);
    },
  );
});

/** 250 comments the cache knows in Trash (a colleague trashed them after a first sync cached them pending). */
async function trashedElsewhere(mode: 'moderator' | 'author' = 'moderator') {
  const site = await connectedSite(pendingComments(250), { site: { mode } });
  const { ctx, wordpress, clock } = site;
  await syncPending(ctx, siteId);
  for (const comment of wordpress.comments) comment.status = 'trash';
  clock.now += 60_000;
  await syncPending(ctx, siteId);
  expect(await cachedIds(ctx, 'trash')).toHaveLength(250);
  const server = (id: number) => wordpress.comments.find((comment) => comment.id === id);
  const sweptRequests = (from: number) =>
    wordpress.requests.slice(from).filter((r) => r.includes('include%5B%5D') && r.includes('status=any'));
  const nextSync = async () => {
    clock.now += 60_000;
    const before = wordpress.requests.length;
    await syncPending(ctx, siteId);
    return sweptRequests(before);
  };
  return { ...site, server, nextSync };
}

describe('the sweep of the cache out of the queue', () => {
  beforeEach(resetFakeBrowser);

  it('follows a colleague’s later changes, one page a sync, and lets go of a comment deleted for good', async () => {
    const { ctx, wordpress, server, nextSync } = await trashedElsewhere();
    const moved = server(7);
    const approved = server(150);
    if (!moved || !approved) throw new Error('no such comment');
    moved.status = 'spam';
    approved.status = 'approved';
    wordpress.comments.splice(wordpress.comments.indexOf(server(120) ?? moved), 1);

    expect(await nextSync()).toHaveLength(1);
    expect((await ctx.db.comments.get([siteId, 7]))?.status).toBe('spam');
    // Not yet read again: the next page.
    expect((await ctx.db.comments.get([siteId, 150]))?.status).toBe('trash');

    const second = await nextSync();
    expect(second).toHaveLength(1);
    expect(second[0]).toContain('include%5B%5D=101&');
    expect((await ctx.db.comments.get([siteId, 150]))?.status).toBe('approved');
    expect(await ctx.db.comments.get([siteId, 120])).toBeUndefined();

    // Round the cache: the last 50, then the first 50 again.
    const third = await nextSync();
    expect(third[0]).toContain('include%5B%5D=250&');
    expect(third[0]).toContain('include%5B%5D=1&');
    expect(await cachedIds(ctx, 'trash')).toHaveLength(247);
  });

  it('reads again, never widens: the parent of a swept comment is not fetched (the integration faults test counted one more)', async () => {
    const comments = [
      fakeComment(2, 'approved'),
      fakeComment(5, 'approved', { parent: 2 }),
      fakeComment(10, 'hold', { parent: 5 }),
    ];
    const { ctx, clock } = await connectedSite(comments);
    await syncPending(ctx, siteId);
    // The pending reply and its parent (the thread's context); not the grandparent.
    expect(await ctx.db.comments.toCollection().primaryKeys()).toEqual([
      [siteId, 5],
      [siteId, 10],
    ]);
    for (let sync = 0; sync < 3; sync++) {
      clock.now += 60_000;
      await syncPending(ctx, siteId);
    }
    expect(await ctx.db.comments.get([siteId, 2])).toBeUndefined();
  });

  it('an author’s cache keeps what WordPress does not show them (Spam and Trash are not theirs to read)', async () => {
    const { ctx, wordpress, server, nextSync } = await trashedElsewhere('author');
    const deleted = server(3);
    if (!deleted) throw new Error('no such comment');
    wordpress.comments.splice(wordpress.comments.indexOf(deleted), 1);
    await nextSync();
    expect(await ctx.db.comments.get([siteId, 3])).toBeDefined();
  });
});
