/**
 * One slow request (Akismet reporting a spam synchronously inside WordPress's request) holds back
 * nothing but itself: decisions made while it hangs, and decisions whose undo window ends while it
 * hangs, are sent at once, each comment's decisions still in order. The real WordPress with a slow
 * Akismet: test/integration/akismet.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../../src/background/outbox/flush.ts';
import { scheduleFlush } from '../../../src/background/outbox/schedule.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

let clock = 1_000_000;

/** A WordPress where the write to comment `slowId` hangs until released. */
async function setup(ids: number[], slowId: number) {
  clock = 1_000_000;
  const wordpress = fakeWordPress(ids.map((id) => ({ id, post: 4, status: 'hold', type: 'comment' })));
  let release!: () => void;
  const released = new Promise<void>((done) => {
    release = done;
  });
  let hanging = false;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    if (init?.method === 'POST' && String(input).includes(`/comments/${slowId}`)) {
      hanging = true;
      await released;
    }
    return wordpress.fetch(input, init);
  };
  const ctx = testContext({ fetch, now: () => clock, random: () => 0.5 });
  await ctx.db.sites.put(testSite());
  await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  await syncPending(ctx, siteId);
  return { ctx, wordpress, release, isHanging: () => hanging };
}

const writtenIds = (wordpress: ReturnType<typeof fakeWordPress>) => wordpress.writes.map((write) => write.id);

describe('a slow request in the outbox', () => {
  beforeEach(resetFakeBrowser);

  it('decisions made while it hangs are sent at once, not after it', async () => {
    const { ctx, wordpress, release, isHanging } = await setup([1, 2, 3, 4], 1);
    await decide(ctx, { siteId, commentIds: [1], decision: 'spam', undoWindowMs: 0 });
    const flushing = flushOutbox(ctx);
    await expect.poll(isHanging, { timeout: 10_000 }).toBe(true);
    for (const id of [2, 3, 4]) {
      await decide(ctx, { siteId, commentIds: [id], decision: 'approve', undoWindowMs: 0 });
      // as the background's handlers do after a decision
      await scheduleFlush(ctx);
    }
    await expect.poll(() => writtenIds(wordpress).sort(), { timeout: 10_000 }).toEqual([2, 3, 4]);
    release();
    expect(await flushing).toMatchObject({ sent: 4, done: 4 });
    expect(writtenIds(wordpress)).toEqual([2, 3, 4, 1]);
  });

  it('a decision whose undo window ends while it hangs is sent when it falls due', async () => {
    const { ctx, wordpress, release, isHanging } = await setup([1, 2], 1);
    await decide(ctx, { siteId, commentIds: [1], decision: 'spam', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [2], decision: 'approve', undoWindowMs: 50 });
    const flushing = flushOutbox(ctx);
    await expect.poll(isHanging, { timeout: 10_000 }).toBe(true);
    expect(writtenIds(wordpress)).toEqual([]);
    clock += 50;
    await expect.poll(() => writtenIds(wordpress), { timeout: 10_000 }).toEqual([2]);
    release();
    expect(await flushing).toMatchObject({ sent: 2, done: 2 });
  });

  it('a later decision on the hanging comment waits for it (order per comment)', async () => {
    const { ctx, wordpress, release, isHanging } = await setup([1, 2], 1);
    await decide(ctx, { siteId, commentIds: [1], decision: 'spam', undoWindowMs: 0 });
    const flushing = flushOutbox(ctx);
    await expect.poll(isHanging, { timeout: 10_000 }).toBe(true);
    await decide(ctx, { siteId, commentIds: [1], decision: 'unspam', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [2], decision: 'approve', undoWindowMs: 0 });
    await scheduleFlush(ctx);
    await expect.poll(() => writtenIds(wordpress), { timeout: 10_000 }).toEqual([2]);
    release();
    expect(await flushing).toMatchObject({ sent: 3, done: 3 });
    expect(wordpress.writes.filter((write) => write.id === 1).map((write) => write.body?.status)).toEqual([
      'spam',
      'unspam',
    ]);
  });
});
