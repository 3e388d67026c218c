/**
 * Local reputation: per commenter key (email, URL host, IP) how many of their comments were
 * approved, spammed, trashed — changed with each decision in its transaction, reversed by undo,
 * seeded from the cache, and never counted twice however often the same comments are synced.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundContext } from '../../../src/background/context.ts';
import { decide, undo } from '../../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../../src/background/outbox/flush.ts';
import { ReputationChanges } from '../../../src/background/reputation.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { contextFreshForMs, fetchThreadContext } from '../../../src/background/sync/thread-context.ts';
import { outcomeOfStatus, reputationKeys } from '../../../src/shared/reputation.ts';
import { connectedSite, siteId } from '../../support/connected-site.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import type { FakeComment } from '../../support/fake-wordpress.ts';

const jonas = {
  author_email: 'Jonas.Wendt@Example.org',
  author_url: 'https://www.wendt.example/blog',
  author_ip: '198.51.100.23',
};
const byJonas = (id: number, status: string): FakeComment => ({ id, post: 4, status, type: 'comment', ...jonas });

async function counts(ctx: BackgroundContext, key: string) {
  const row = await ctx.db.reputation.get([siteId, key]);
  return row ? { approved: row.approved, spam: row.spam, trashed: row.trashed } : null;
}

/** Every cached comment counts exactly as its status says, under each of its keys. */
async function expectReputationFollowsCache(ctx: BackgroundContext) {
  for (const comment of await ctx.db.comments.toArray()) {
    for (const key of reputationKeys(comment)) {
      const row = await ctx.db.reputation.get([siteId, key]);
      expect(row?.byComment?.[comment.id], `${key} #${comment.id}`).toBe(outcomeOfStatus(comment.status) ?? undefined);
    }
  }
  for (const row of await ctx.db.reputation.toArray()) {
    const outcomes = Object.values(row.byComment ?? {});
    expect({ approved: row.approved, spam: row.spam, trashed: row.trashed }).toEqual({
      approved: outcomes.filter((o) => o === 'approved').length,
      spam: outcomes.filter((o) => o === 'spam').length,
      trashed: outcomes.filter((o) => o === 'trashed').length,
    });
  }
}

describe('local reputation', () => {
  beforeEach(resetFakeBrowser);

  it('counts decisions at once under email, host and IP; undo reverses; re-syncing never counts twice', async () => {
    const { ctx, clock } = await connectedSite([
      byJonas(1, 'hold'),
      byJonas(2, 'hold'),
      byJonas(3, 'hold'),
      byJonas(4, 'hold'),
      byJonas(10, 'approved'),
      { id: 20, post: 4, status: 'hold', type: 'comment' },
    ]);
    await syncPending(ctx, siteId);
    // Pending comments say nothing yet about their author.
    expect(await ctx.db.reputation.count()).toBe(0);
    // The thread context brings an approved comment of Jonas: it counts, once.
    await fetchThreadContext(ctx, siteId, 4);
    expect(await counts(ctx, 'email:jonas.wendt@example.org')).toEqual({ approved: 1, spam: 0, trashed: 0 });

    const [approveId = 0] = await decide(ctx, { siteId, commentIds: [1], decision: 'approve' });
    const [spamId = 0] = await decide(ctx, { siteId, commentIds: [2], decision: 'spam' });
    await decide(ctx, { siteId, commentIds: [3], decision: 'trash' });
    for (const key of ['email:jonas.wendt@example.org', 'host:wendt.example', 'ip:198.51.100.23']) {
      expect(await counts(ctx, key), key).toEqual({ approved: 2, spam: 1, trashed: 1 });
    }
    await expectReputationFollowsCache(ctx);

    // Undo inside the window: the spam never happened.
    await undo(ctx, spamId);
    expect(await counts(ctx, 'email:jonas.wendt@example.org')).toEqual({ approved: 2, spam: 0, trashed: 1 });

    clock.now += 10_000;
    await flushOutbox(ctx);
    for (let sync = 0; sync < 3; sync++) {
      clock.now += contextFreshForMs;
      await syncPending(ctx, siteId);
      await fetchThreadContext(ctx, siteId, 4);
    }
    expect(await counts(ctx, 'email:jonas.wendt@example.org')).toEqual({ approved: 2, spam: 0, trashed: 1 });
    await expectReputationFollowsCache(ctx);

    // Undo after sending: the approval is taken back (the comment is pending again).
    expect(await undo(ctx, approveId)).toBe('reversed');
    expect(await counts(ctx, 'email:jonas.wendt@example.org')).toEqual({ approved: 1, spam: 0, trashed: 1 });
    await flushOutbox(ctx);
    clock.now += contextFreshForMs;
    await syncPending(ctx, siteId);
    await fetchThreadContext(ctx, siteId, 4);
    expect(await counts(ctx, 'email:jonas.wendt@example.org')).toEqual({ approved: 1, spam: 0, trashed: 1 });
    await expectReputationFollowsCache(ctx);
    // The other commenter was never decided about.
    expect(await counts(ctx, 'email:leser20@example.org')).toBeNull();
  });

  it('unspam and untrash take the count back; a spam comment deleted for good stays spam', async () => {
    const { ctx, clock } = await connectedSite([byJonas(1, 'hold'), byJonas(2, 'hold'), byJonas(3, 'hold')]);
    await syncPending(ctx, siteId);
    await decide(ctx, { siteId, commentIds: [1, 2], decision: 'spam', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [3], decision: 'trash', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect(await counts(ctx, 'ip:198.51.100.23')).toEqual({ approved: 0, spam: 2, trashed: 1 });
    await decide(ctx, { siteId, commentIds: [1], decision: 'unspam', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [3], decision: 'untrash', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [2], decision: 'delete', undoWindowMs: 0 });
    expect(await counts(ctx, 'ip:198.51.100.23')).toEqual({ approved: 0, spam: 1, trashed: 0 });
    clock.now += 1_000;
    await flushOutbox(ctx);
    await syncPending(ctx, siteId);
    expect(await counts(ctx, 'ip:198.51.100.23')).toEqual({ approved: 0, spam: 1, trashed: 0 });
    await expectReputationFollowsCache(ctx);
  });

  it('a decision WordPress refuses leaves the reputation as it was', async () => {
    const { ctx, wordpress } = await connectedSite([byJonas(1, 'hold')]);
    await syncPending(ctx, siteId);
    await decide(ctx, { siteId, commentIds: [1], decision: 'spam', undoWindowMs: 0 });
    expect(await counts(ctx, 'host:wendt.example')).toEqual({ approved: 0, spam: 1, trashed: 0 });
    wordpress.failures.push({ status: 403, code: 'rest_cannot_edit' });
    expect(await flushOutbox(ctx)).toMatchObject({ failed: 1 });
    expect(await counts(ctx, 'host:wendt.example')).toBeNull();
    await expectReputationFollowsCache(ctx);
  });

  it('the first sync seeds it from what the cache already held, once', async () => {
    // On WordPress too: a sync reads comments out of the queue again (sweep.ts) and lets go of deleted ones.
    const { ctx, clock } = await connectedSite([
      byJonas(1, 'hold'),
      byJonas(50, 'approved'),
      byJonas(51, 'approved'),
      byJonas(52, 'spam'),
    ]);
    // A cache from before reputation existed: comments decided earlier, no reputation rows.
    const base = {
      siteId,
      post: 4,
      parent: 0,
      authorName: 'Jonas',
      authorUrl: jonas.author_url,
      authorEmail: jonas.author_email,
      authorIp: jonas.author_ip,
      authorUserAgent: null,
      date: 0,
      contentHtml: '',
      contentRaw: null,
      link: '',
      type: 'comment',
      syncedAt: 0,
    };
    await ctx.db.comments.bulkPut([
      { ...base, id: 50, status: 'approved' },
      { ...base, id: 51, status: 'approved' },
      { ...base, id: 52, status: 'spam' },
    ]);
    await syncPending(ctx, siteId);
    expect(await counts(ctx, 'email:jonas.wendt@example.org')).toEqual({ approved: 2, spam: 1, trashed: 0 });
    for (let sync = 0; sync < 2; sync++) {
      clock.now += 60_000;
      await syncPending(ctx, siteId);
    }
    expect(await counts(ctx, 'email:jonas.wendt@example.org')).toEqual({ approved: 2, spam: 1, trashed: 0 });
    expect((await ctx.db.syncState.get(siteId))?.reputationSeededAt).toBe(1_000_000);
  });
  it('many keys at once (a sync page) change the rows that exist and add the new ones, as key by key', async () => {
    const { ctx } = await connectedSite([]);
    const commenter = (n: number) => ({ id: n, authorEmail: `leser${n}@example.org`, authorUrl: '', authorIp: null });
    // Rows of two commenters exist: one counted comment each.
    await new ReputationChanges(siteId).set(commenter(1), 'approved').set(commenter(2), 'spam').apply(ctx.db, 1);
    const page = new ReputationChanges(siteId);
    // Commenter 1's comment is pending again (uncounted); 30 others are counted for the first time.
    page.set(commenter(1), null);
    for (let n = 3; n < 33; n++) page.set(commenter(n), 'approved');
    await page.apply(ctx.db, 2);
    expect(await counts(ctx, 'email:leser1@example.org')).toBeNull();
    expect(await counts(ctx, 'email:leser2@example.org')).toEqual({ approved: 0, spam: 1, trashed: 0 });
    expect(await counts(ctx, 'email:leser32@example.org')).toEqual({ approved: 1, spam: 0, trashed: 0 });
    expect(await ctx.db.reputation.count()).toBe(31);
  });
});
