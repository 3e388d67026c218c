/**
 * Undo against the flush, as the storm soak (scripts/soak/, ADR 029) found them: a decision
 * cancelled while it waited in the flush for a place on the wire is not sent after all; a decision
 * whose first attempt may have reached WordPress (its answer lost, or its worker killed mid-send) is
 * not "cancelled" locally while WordPress keeps it, but sent and reversed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decide, undo } from '../../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../../src/background/outbox/flush.ts';
import { ReplyError } from '../../../src/background/reply-error.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { type FakeComment, fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

let clock = 1_000_000;
async function setup(comments: FakeComment[]) {
  clock = 1_000_000;
  const wordpress = fakeWordPress(comments);
  const ctx = testContext({ fetch: wordpress.fetch, now: () => clock, random: () => 0.5 });
  await ctx.db.sites.put(testSite());
  await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
  await syncPending(ctx, siteId);
  return { ctx, wordpress };
}
const pending = (...ids: number[]): FakeComment[] =>
  ids.map((id) => ({ id, post: 4, status: 'hold', type: 'comment' }));
const oneAtATime = { perSiteConcurrency: 1, maxSends: 100, maxMs: 60_000 };

describe('undo against the flush', () => {
  beforeEach(resetFakeBrowser);

  it('a decision cancelled while it waits in the flush for a place on the wire is never sent', async () => {
    const { ctx, wordpress } = await setup(pending(1, 2));
    let cancelled: string | null = null;
    const undoing: typeof fetch = async (input, init) => {
      // While comment 1's decision is on the wire (the only place), comment 2's is undone.
      if (cancelled === null && init?.method === 'POST') cancelled = await undo(ctx, outboxIds[1] ?? 0);
      return wordpress.fetch(input, init);
    };
    const undoingCtx = { ...ctx, fetch: undoing };
    const outboxIds = await decide(undoingCtx, { siteId, commentIds: [1, 2], decision: 'approve', undoWindowMs: 0 });
    expect(await flushOutbox(undoingCtx, oneAtATime)).toMatchObject({ sent: 1, done: 1 });
    expect(cancelled).toBe('cancelled');
    expect(wordpress.writes.map((write) => write.id)).toEqual([1]);
    expect(wordpress.comments.map((comment) => comment.status)).toEqual(['approved', 'hold']);
    expect(await ctx.db.outbox.count()).toBe(1);
  });

  it('a decision whose answer was lost is sent and reversed on undo, not cancelled while WordPress keeps it', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    let lose = true;
    const losing: typeof fetch = async (input, init) => {
      const answer = await wordpress.fetch(input, init);
      if (lose && init?.method !== undefined && init.method !== 'GET') {
        lose = false;
        throw new TypeError('Failed to fetch');
      }
      return answer;
    };
    const losingCtx = { ...ctx, fetch: losing };
    const [id = 0] = await decide(losingCtx, { siteId, commentIds: [1], decision: 'trash', undoWindowMs: 0 });
    await flushOutbox(losingCtx);
    expect(wordpress.comments[0]?.status).toBe('trash');
    expect(await ctx.db.outbox.get(id)).toMatchObject({ state: 'waiting', attempts: 1 });

    expect(await undo(losingCtx, id)).toBe('reversed');
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('hold');
    clock += 10 * 60_000;
    await flushOutbox(losingCtx);
    await flushOutbox(losingCtx);
    expect(wordpress.comments[0]?.status).toBe('hold');
    expect((await ctx.db.outbox.toArray()).map((row) => [row.decision, row.state])).toEqual([
      ['trash', 'done'],
      ['untrash', 'done'],
    ]);
  });

  it('a worker that died mid-send leaves an attempt: its decision is no longer cancelled locally', async () => {
    const { ctx } = await setup(pending(1));
    const [id = 0] = await decide(ctx, {
      siteId,
      commentIds: [1],
      decision: 'reply',
      content: 'Danke!',
      undoWindowMs: 0,
    });
    await ctx.db.outbox.update(id, { state: 'sending' });
    // The next flush (the new worker) takes it back to waiting first; here it only gets that far.
    const summary = await flushOutbox(ctx, { perSiteConcurrency: 4, maxSends: 0, maxMs: 60_000 });
    expect(summary.sent).toBe(0);
    expect(await ctx.db.outbox.get(id)).toMatchObject({ state: 'waiting', attempts: 1 });
    // A reply that may be posted already cannot become a draft again: it is sent first.
    await expect(undo(ctx, id)).rejects.toThrow(ReplyError);
    expect(await ctx.db.outbox.get(id)).toMatchObject({ state: 'waiting' });
  });

  it('a later decision on a comment waits while an earlier one whose answer was lost is sent again', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    let lose = true;
    const losing: typeof fetch = async (input, init) => {
      const answer = await wordpress.fetch(input, init);
      if (lose && init?.method === 'POST') {
        lose = false;
        // The moderator decides again while the first answer is lost on its way back.
        await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
        throw new TypeError('Failed to fetch');
      }
      return answer;
    };
    const losingCtx = { ...ctx, fetch: losing };
    await decide(losingCtx, { siteId, commentIds: [1], decision: 'spam', undoWindowMs: 0 });
    await flushOutbox(losingCtx);
    expect(wordpress.writes.map((write) => write.body?.status)).toEqual(['spam']);
    clock += 10 * 60_000;
    await flushOutbox(losingCtx);
    expect(wordpress.writes.map((write) => write.body?.status)).toEqual(['spam', 'spam', 'approved']);
    expect(wordpress.comments[0]?.status).toBe('approved');
  });

  it('a trash whose answer was cut and whose retry was refused unreadably is reversed on undo, not cancelled', async () => {
    // The soak's seed 970147: the trash reached WordPress, its answer was cut; the retry's 410
    // (already in Trash) was cut too, so its code was lost and the row failed. Undo cancelled it
    // locally while WordPress kept the comment in Trash.
    const { ctx, wordpress } = await setup(pending(1));
    let writes = 0;
    const cutting: typeof fetch = async (input, init) => {
      const answer = await wordpress.fetch(input, init);
      if (init?.method === undefined || init.method === 'GET' || writes++ > 1) return answer;
      if (writes === 1) return new Response('{"id":1,"sta', { status: answer.status });
      return new Response('{"code":"rest_already_tra', { status: 410 });
    };
    const cuttingCtx = { ...ctx, fetch: cutting };
    const [id = 0] = await decide(cuttingCtx, { siteId, commentIds: [1], decision: 'trash', undoWindowMs: 0 });
    await flushOutbox(cuttingCtx);
    expect(wordpress.comments[0]?.status).toBe('trash');
    clock += 10 * 60_000;
    await flushOutbox(cuttingCtx);
    expect(await ctx.db.outbox.get(id)).toMatchObject({ state: 'failed', attempts: 1 });

    expect(await undo(cuttingCtx, id)).toBe('reversed');
    clock += 10 * 60_000;
    await flushOutbox(cuttingCtx);
    expect(wordpress.comments[0]?.status).toBe('hold');
    expect((await ctx.db.outbox.toArray()).map((row) => [row.decision, row.state])).toEqual([
      ['trash', 'done'],
      ['untrash', 'done'],
    ]);
  });

  it('not spam sent again after a lost answer does not move the restored comment back to pending', async () => {
    // The soak's seed 146745: WordPress's unspam restored "approved" and forgot it; the retry's
    // unspam then set the comment to pending.
    const { ctx, wordpress } = await setup(pending(1));
    await ctx.db.comments.update([siteId, 1], { status: 'spam' });
    const spam = wordpress.comments[0];
    if (spam) spam.status = 'spam';
    let lose = true;
    const losing: typeof fetch = async (input, init) => {
      const answer = await wordpress.fetch(input, init);
      if (lose && init?.method === 'POST') {
        lose = false;
        const comment = wordpress.comments[0];
        if (comment) comment.status = 'approved';
        throw new TypeError('Failed to fetch');
      }
      return answer;
    };
    const losingCtx = { ...ctx, fetch: losing };
    await decide(losingCtx, { siteId, commentIds: [1], decision: 'unspam', undoWindowMs: 0 });
    await flushOutbox(losingCtx);
    clock += 10 * 60_000;
    await flushOutbox(losingCtx);
    expect(wordpress.comments[0]?.status).toBe('approved');
    expect(wordpress.writes).toHaveLength(1);
    expect((await ctx.db.outbox.toArray()).map((row) => [row.decision, row.state])).toEqual([['unspam', 'done']]);
  });

  it('not spam of a comment someone else has since moved to Trash leaves it there and says so', async () => {
    // The soak's seed 4242 (no Bridge): the cache still said Spam, a colleague had trashed it; WordPress's
    // unspam restores the status saved at the move, so the user's Not spam moved it from Trash back to Spam.
    const { ctx, wordpress } = await setup(pending(1));
    await ctx.db.comments.update([siteId, 1], { status: 'spam' });
    const moved = wordpress.comments[0];
    if (moved) moved.status = 'trash';
    await decide(ctx, { siteId, commentIds: [1], decision: 'unspam', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect(wordpress.writes).toHaveLength(0);
    expect(wordpress.comments[0]?.status).toBe('trash');
    const [row] = await ctx.db.outbox.toArray();
    expect([row?.state, row?.error?.message]).toEqual([
      'conflict',
      'another moderator moved it to “Trash” first, and it was left there. Retry to do it anyway.',
    ]);
  });

  it('a delete sent again after a lost answer and answered 404 with its body cut is done, not a failure', async () => {
    // The soak's seed 207126 (no Bridge): the first delete landed, its answer was lost; the retry's
    // 404 came without a readable body, so the row failed though WordPress had deleted the comment.
    const { ctx, wordpress } = await setup(pending(1));
    let deletes = 0;
    const cutting: typeof fetch = async (input, init) => {
      if (init?.method !== 'DELETE') return wordpress.fetch(input, init);
      deletes += 1;
      if (deletes === 1) {
        await wordpress.fetch(input, init);
        throw new TypeError('Failed to fetch');
      }
      return new Response('', { status: 404 });
    };
    const cuttingCtx = { ...ctx, fetch: cutting };
    await decide(cuttingCtx, { siteId, commentIds: [1], decision: 'delete', undoWindowMs: 0 });
    await flushOutbox(cuttingCtx);
    clock += 10 * 60_000;
    await flushOutbox(cuttingCtx);
    expect(deletes).toBe(2);
    expect(wordpress.comments.map((comment) => comment.id)).toEqual([]);
    expect((await ctx.db.outbox.toArray()).map((row) => [row.decision, row.state])).toEqual([['delete', 'done']]);
  });

  it('not spam sent again after a lost attempt, of a comment a colleague has trashed meanwhile, is a conflict, not done', async () => {
    // The soak's seed 970147 (no Bridge): the first attempt never reached WordPress, a colleague moved
    // the spam to Trash, and the retry, finding it out of spam, counted the user's Not spam as done.
    const { ctx, wordpress } = await setup(pending(1));
    await ctx.db.comments.update([siteId, 1], { status: 'spam' });
    const comment = wordpress.comments[0];
    if (comment) comment.status = 'spam';
    let drop = true;
    const dropping: typeof fetch = async (input, init) => {
      if (drop && init?.method === 'POST') {
        drop = false;
        if (comment) comment.status = 'trash';
        throw new TypeError('Failed to fetch');
      }
      return wordpress.fetch(input, init);
    };
    const droppingCtx = { ...ctx, fetch: dropping };
    await decide(droppingCtx, { siteId, commentIds: [1], decision: 'unspam', undoWindowMs: 0 });
    await flushOutbox(droppingCtx);
    clock += 10 * 60_000;
    await flushOutbox(droppingCtx);
    expect(wordpress.writes).toHaveLength(0);
    expect(comment?.status).toBe('trash');
    const [row] = await ctx.db.outbox.toArray();
    expect([row?.decision, row?.state]).toEqual(['unspam', 'conflict']);
    expect(row?.error?.message).toContain('Trash');
  });
});
