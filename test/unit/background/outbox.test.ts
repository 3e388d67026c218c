/**
 * The outbox against a fake WordPress (the real one: test/integration/outbox.test.ts): decisions
 * change the cache and enter the outbox together, undo inside the window sends nothing, every
 * failure class does what it must, and nothing is dropped.
 */
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextAttemptAt } from '../../../src/background/outbox/backoff.ts';
import { decide, undo } from '../../../src/background/outbox/decide.ts';
import { defaultFlushLimits, flushOutbox } from '../../../src/background/outbox/flush.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { withStatus } from '../../../src/shared/db/comment-ranges.ts';
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
const statusOf = async (ctx: Awaited<ReturnType<typeof setup>>['ctx'], id: number) =>
  (await ctx.db.comments.get([siteId, id]))?.status;

/**
 * The outbox writer's first transaction once WordPress has answered a decision (the claims before it
 * are written) fails, as with a disk full for a moment; every later one goes through.
 */
function failFirstAnswerWrite(ctx: Awaited<ReturnType<typeof setup>>['ctx'], wordpress: { writes: unknown[] }): void {
  const transaction = ctx.db.transaction.bind(ctx.db) as (...args: unknown[]) => Promise<unknown>;
  let failOnce = true;
  ctx.db.transaction = ((...args: unknown[]) => {
    const writer = args.length === 5 && args[1] === ctx.db.outbox && args[3] === ctx.db.reputation;
    if (failOnce && writer && wordpress.writes.length > 0) {
      failOnce = false;
      return Promise.reject(new Error('QuotaExceededError: the disk is full'));
    }
    return transaction(...args);
  }) as typeof ctx.db.transaction;
}

describe('backoff', () => {
  it('grows exponentially with jitter, is capped, and honours Retry-After', () => {
    expect(nextAttemptAt(0, 1, null, () => 0)).toBe(1000);
    expect(nextAttemptAt(0, 1, null, () => 1)).toBe(2000);
    expect(nextAttemptAt(0, 4, null, () => 1)).toBe(16000);
    expect(nextAttemptAt(0, 30, null, () => 1)).toBe(600_000);
    expect(nextAttemptAt(0, 1, 30_000, () => 1)).toBe(30_000);
  });
});

describe('decisions and undo', () => {
  beforeEach(resetFakeBrowser);

  it('changes the cache at once and writes the outbox row with it; nothing is sent inside the undo window', async () => {
    const { ctx, wordpress } = await setup(pending(1, 2));
    const [id] = await decide(ctx, { siteId, commentIds: [1], decision: 'approve' });
    expect(await statusOf(ctx, 1)).toBe('approved');
    expect(await ctx.db.outbox.get(id ?? 0)).toMatchObject({
      state: 'waiting',
      decision: 'approve',
      previousStatus: 'hold',
    });
    expect((await flushOutbox(ctx)).sent).toBe(0);
    expect(wordpress.writes).toEqual([]);
  });

  it('a decision on many comments writes one row each, in the order given; one not cached refuses all of them', async () => {
    const { ctx } = await setup(pending(1, 2, 3));
    const ids = await decide(ctx, { siteId, commentIds: [3, 1, 2], decision: 'trash' });
    const rows = await ctx.db.outbox.bulkGet(ids);
    expect(rows.map((row) => [row?.commentId, row?.previousStatus, row?.snapshot.status])).toEqual([
      [3, 'hold', 'hold'],
      [1, 'hold', 'hold'],
      [2, 'hold', 'hold'],
    ]);
    expect(await Promise.all([1, 2, 3].map((id) => statusOf(ctx, id)))).toEqual(['trash', 'trash', 'trash']);
    // Comment 9 is not cached: nothing of the decision is kept, neither rows nor statuses.
    await expect(decide(ctx, { siteId, commentIds: [1, 9], decision: 'spam' })).rejects.toMatchObject({
      code: 'comment_not_cached',
    });
    expect(await statusOf(ctx, 1)).toBe('trash');
    expect(await ctx.db.outbox.count()).toBe(3);
  });

  it('approve and reply: the reply is decided on the comment as the approval left it; the same comment twice chains too', async () => {
    const { ctx } = await setup(pending(1, 2));
    const [approveId, replyId] = await decide(ctx, {
      siteId,
      commentIds: [1],
      decision: 'approveAndReply',
      content: 'Danke!',
    });
    expect((await ctx.db.outbox.get(approveId ?? 0))?.previousStatus).toBe('hold');
    expect(await ctx.db.outbox.get(replyId ?? 0)).toMatchObject({ decision: 'reply', previousStatus: 'approved' });
    const [first, second] = await decide(ctx, { siteId, commentIds: [2, 2], decision: 'spam' });
    expect((await ctx.db.outbox.get(first ?? 0))?.previousStatus).toBe('hold');
    expect((await ctx.db.outbox.get(second ?? 0))?.previousStatus).toBe('spam');
    // Deleted by the first, the second has no comment left to decide on: refused, nothing kept.
    await expect(decide(ctx, { siteId, commentIds: [1, 1], decision: 'delete' })).rejects.toMatchObject({
      code: 'comment_not_cached',
    });
    expect(await statusOf(ctx, 1)).toBe('approved');
  });

  it('undo inside the window cancels locally: nothing reaches WordPress', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    const [id] = await decide(ctx, { siteId, commentIds: [1], decision: 'spam' });
    expect(await undo(ctx, id ?? 0)).toBe('cancelled');
    expect(await statusOf(ctx, 1)).toBe('hold');
    clock += 10_000;
    await flushOutbox(ctx);
    expect(wordpress.writes).toEqual([]);
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('sends after the window; undo after sending sends the reverse', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    const [id] = await decide(ctx, { siteId, commentIds: [1], decision: 'spam' });
    clock += 5_001;
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 1, done: 1 });
    expect(wordpress.comments[0]?.status).toBe('spam');
    expect(await undo(ctx, id ?? 0)).toBe('reversed');
    expect(await statusOf(ctx, 1)).toBe('hold');
    await flushOutbox(ctx);
    expect(wordpress.writes.map((w) => w.body?.status)).toEqual(['spam', 'unspam']);
    expect(wordpress.comments[0]?.status).toBe('hold');
  });

  it('sends the decisions on one comment in the order they were made', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [1], decision: 'spam', undoWindowMs: 0 });
    await decide(ctx, { siteId, commentIds: [1], decision: 'unspam', undoWindowMs: 0 });
    for (let run = 0; run < 3; run++) await flushOutbox(ctx);
    expect(wordpress.writes.map((w) => w.body?.status)).toEqual(['approved', 'spam', 'unspam']);
  });
});

describe('flush outcomes', () => {
  beforeEach(resetFakeBrowser);

  it('retries a 503 later, with backoff stored on the row, and nothing is lost', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    wordpress.failures.push({ status: 503, code: 'unavailable' });
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 1, retrying: 1 });
    const [row] = await ctx.db.outbox.toArray();
    expect(row).toMatchObject({ state: 'waiting', attempts: 1, notBefore: clock + 1500 });
    expect((await flushOutbox(ctx)).sent).toBe(0);
    clock += 1500;
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 1, done: 1 });
    expect(wordpress.comments[0]?.status).toBe('approved');
  });

  it('honours Retry-After on 429', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    wordpress.failures.push({ status: 429, code: 'too_many', headers: { 'Retry-After': '120' } });
    await flushOutbox(ctx);
    expect((await ctx.db.outbox.toArray())[0]?.notBefore).toBe(clock + 120_000);
  });

  it('pauses the site on an expired sign-in and keeps every decision', async () => {
    const { ctx, wordpress } = await setup(pending(1, 2, 3));
    await decide(ctx, { siteId, commentIds: [1, 2, 3], decision: 'trash', undoWindowMs: 0 });
    wordpress.failures.push({ status: 401, code: 'rest_not_logged_in' });
    const summary = await flushOutbox(ctx, { perSiteConcurrency: 1, maxSends: 100, maxMs: 60_000 });
    expect(summary.pausedSites).toEqual([siteId]);
    expect(await ctx.db.sites.get(siteId)).toMatchObject({ status: 'needs-login' });
    expect(await ctx.db.outbox.where('state').equals('waiting').count()).toBe(3);
    expect((await flushOutbox(ctx)).sent).toBe(0);
    await ctx.db.sites.update(siteId, { status: 'connected' });
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 3, done: 3 });
  });

  it('fails a forbidden decision alone, visibly, and rolls the cache back', async () => {
    const { ctx, wordpress } = await setup(pending(1, 2));
    await decide(ctx, { siteId, commentIds: [1, 2], decision: 'approve', undoWindowMs: 0 });
    wordpress.failures.push({ status: 403, code: 'rest_cannot_edit' });
    expect(await flushOutbox(ctx, { perSiteConcurrency: 1, maxSends: 100, maxMs: 60_000 })).toMatchObject({
      failed: 1,
      done: 1,
    });
    const rows = await ctx.db.outbox.orderBy('id').toArray();
    expect(rows.map((r) => r.state)).toEqual(['failed', 'done']);
    expect(rows[0]?.error).toMatchObject({ kind: 'forbidden', code: 'rest_cannot_edit' });
    expect(await statusOf(ctx, 1)).toBe('hold');
    expect(await statusOf(ctx, 2)).toBe('approved');
  });

  it('resolves a decision on a comment deleted elsewhere (404) and says so', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    wordpress.comments.splice(0, 1);
    await flushOutbox(ctx);
    const [row] = await ctx.db.outbox.toArray();
    expect(row).toMatchObject({ state: 'done', error: { code: 'rest_comment_invalid_id' } });
    expect(row?.error?.message).toContain('no longer exists');
    expect(await ctx.db.comments.get([siteId, 1])).toBeUndefined();
  });

  it('counts a trash of an already trashed comment (410) as done', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    const comment = wordpress.comments[0];
    if (comment) comment.status = 'trash';
    await decide(ctx, { siteId, commentIds: [1], decision: 'trash', undoWindowMs: 0 });
    expect(await flushOutbox(ctx)).toMatchObject({ done: 1, failed: 0 });
  });

  it('sends again what a dead worker left "sending", once its request can no longer be under way', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    const [id] = await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    // Claimed 5 s ago by a worker that died: sent at once, it would run beside the first request on
    // WordPress (both seeing "pending": the approval's hooks twice). The client gives up after 20 s.
    await ctx.db.outbox.update(id ?? 0, { state: 'sending', claimedAt: clock - 5_000 });
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 0 });
    expect(await ctx.db.outbox.get(id ?? 0)).toMatchObject({
      state: 'waiting',
      attempts: 1,
      notBefore: clock + 15_000,
    });
    clock += 14_999;
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 0 });
    clock += 1;
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 1, done: 1 });
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 0 });
    expect(wordpress.writes).toHaveLength(1);
  });

  it('a row left "sending" by a build that did not note when: 20 s from the flush that finds it', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    const [id] = await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    await ctx.db.outbox.update(id ?? 0, { state: 'sending' });
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 0 });
    expect(await ctx.db.outbox.get(id ?? 0)).toMatchObject({ state: 'waiting', notBefore: clock + 20_000 });
    clock += 20_000;
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 1, done: 1 });
    expect(wordpress.writes).toHaveLength(1);
  });

  it('claims note when a decision went onto the wire', async () => {
    const { ctx } = await setup(pending(1));
    const [id] = await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect(await ctx.db.outbox.get(id ?? 0)).toMatchObject({ state: 'done', claimedAt: clock });
  });

  it('keeps at most 4 requests in flight per site', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => i + 1);
    const { ctx, wordpress } = await setup(pending(...ids));
    let inFlight = 0;
    let most = 0;
    const slow: typeof fetch = async (input, init) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((done) => setTimeout(done, 5));
      try {
        return await wordpress.fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const slowCtx = { ...ctx, fetch: slow };
    await decide(slowCtx, { siteId, commentIds: ids, decision: 'approve', undoWindowMs: 0 });
    expect(await flushOutbox(slowCtx)).toMatchObject({ sent: 12, done: 12 });
    expect(most).toBe(4);
  });

  it('writes the answers that arrive while one is being written together: fewer transactions than decisions', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => i + 1);
    const { ctx, wordpress } = await setup(pending(...ids));
    const slow: typeof fetch = async (input, init) => {
      await new Promise((done) => setTimeout(done, 5));
      return wordpress.fetch(input, init);
    };
    const slowCtx = { ...ctx, fetch: slow };
    await decide(slowCtx, { siteId, commentIds: ids, decision: 'spam', undoWindowMs: 0 });
    let answerWrites = 0;
    const transaction = ctx.db.transaction.bind(ctx.db) as (...args: unknown[]) => Promise<unknown>;
    ctx.db.transaction = ((...args: unknown[]) => {
      // WordPress's answers are written over these three tables, nothing else is.
      if (args.length === 5 && args[1] === ctx.db.outbox && args[3] === ctx.db.reputation) answerWrites += 1;
      return transaction(...args);
    }) as typeof ctx.db.transaction;
    expect(await flushOutbox(slowCtx)).toMatchObject({ sent: 12, done: 12 });
    expect(answerWrites).toBeGreaterThan(0);
    expect(answerWrites).toBeLessThan(12);
    expect((await ctx.db.comments.toArray()).map((row) => row.status)).toEqual(ids.map(() => 'spam'));
    expect((await ctx.db.outbox.toArray()).every((row) => row.state === 'done' && row.sentAt !== null)).toBe(true);
    // The reputation counts each comment once, however the answers were grouped.
    const byEmail = await ctx.db.reputation.where('siteId').equals(siteId).toArray();
    expect(byEmail.filter((row) => row.key.startsWith('email:')).every((row) => row.spam === 1)).toBe(true);
  });

  it('claims the next decision in the transaction that writes the answer which freed its place', async () => {
    // One place on the wire: each answer frees it for the next decision. Separately that is a claim
    // and an answer per decision (12 transactions for 6); together, the first claim alone, then an
    // answer with the next claim, and the last answer alone.
    const ids = [1, 2, 3, 4, 5, 6];
    const { ctx, wordpress } = await setup(pending(...ids));
    await decide(ctx, { siteId, commentIds: ids, decision: 'approve', undoWindowMs: 0 });
    let outboxWrites = 0;
    const transaction = ctx.db.transaction.bind(ctx.db) as (...args: unknown[]) => Promise<unknown>;
    ctx.db.transaction = ((...args: unknown[]) => {
      if (args[0] === 'rw' && args.includes(ctx.db.outbox)) outboxWrites += 1;
      return transaction(...args);
    }) as typeof ctx.db.transaction;
    const limits = { ...defaultFlushLimits, perSiteConcurrency: 1 };
    expect(await flushOutbox(ctx, limits)).toMatchObject({ sent: 6, done: 6 });
    expect(outboxWrites).toBe(ids.length + 1);
    // In decision order, one at a time, each written done and its comment as WordPress answered.
    expect(wordpress.writes.map((write) => write.id)).toEqual(ids);
    expect((await ctx.db.outbox.toArray()).every((row) => row.state === 'done')).toBe(true);
    expect(await Promise.all(ids.map((id) => statusOf(ctx, id)))).toEqual(ids.map(() => 'approved'));
  });

  it('an answer that cannot be written does not take the claim that shared its transaction with it', async () => {
    // One place on the wire: decision 1's answer and decision 2's claim go into one transaction; it
    // fails (the disk is full for a moment). The answer is sent again later; the claim, tried alone,
    // goes on: the flush does not stop with decisions on the wire.
    const { ctx, wordpress } = await setup(pending(1, 2, 3));
    await decide(ctx, { siteId, commentIds: [1, 2, 3], decision: 'spam', undoWindowMs: 0 });
    failFirstAnswerWrite(ctx, wordpress);
    const first = await flushOutbox(ctx, { ...defaultFlushLimits, perSiteConcurrency: 1 });
    expect(first).toMatchObject({ sent: 3, done: 2, retrying: 1 });
    expect(wordpress.writes.map((write) => write.id)).toEqual([1, 2, 3]);
    const rows = await ctx.db.outbox.orderBy('id').toArray();
    expect(rows.map((row) => row.state)).toEqual(['waiting', 'done', 'done']);
    expect(rows[0]?.error?.message).toContain('disk is full');
    clock += 10 * 60_000;
    await flushOutbox(ctx);
    expect((await ctx.db.outbox.toArray()).every((row) => row.state === 'done')).toBe(true);
    expect(await Promise.all([1, 2, 3].map((id) => statusOf(ctx, id)))).toEqual(['spam', 'spam', 'spam']);
  });

  it('an answer that cannot be written is sent again later (idempotent), never lost', async () => {
    const { ctx, wordpress } = await setup(pending(1, 2));
    await decide(ctx, { siteId, commentIds: [1, 2], decision: 'spam', undoWindowMs: 0 });
    failFirstAnswerWrite(ctx, wordpress);
    const first = await flushOutbox(ctx);
    expect(first.sent).toBe(2);
    expect(first.retrying).toBeGreaterThan(0);
    const waiting = (await ctx.db.outbox.toArray()).filter((row) => row.state === 'waiting');
    expect(waiting.length).toBe(first.retrying);
    expect(waiting.every((row) => row.attempts === 1 && row.error?.message.includes('disk is full'))).toBe(true);
    // The decision still shows; once the backoff is over it is sent again and written.
    expect(await statusOf(ctx, 1)).toBe('spam');
    clock += 10 * 60_000;
    await flushOutbox(ctx);
    expect((await ctx.db.outbox.toArray()).every((row) => row.state === 'done')).toBe(true);
    expect(wordpress.writes.length).toBe(2 + first.retrying);
    expect([await statusOf(ctx, 1), await statusOf(ctx, 2)]).toEqual(['spam', 'spam']);
  });

  it('writes no comment when WordPress confirms the status the decision already showed', async () => {
    const { ctx } = await setup(pending(1, 2));
    await decide(ctx, { siteId, commentIds: [1, 2], decision: 'approve', undoWindowMs: 0 });
    // (the decision's own notice has been delivered before this counts)
    await new Promise((settled) => setTimeout(settled, 20));
    let commentWrites = 0;
    const count = (parts: Record<string, unknown>) => {
      const comments = Object.entries(parts).find(([part]) => part.endsWith('/comments/'))?.[1];
      if (comments && typeof comments === 'object' && 'from' in comments) commentWrites += 1;
    };
    Dexie.on('storagemutated', count);
    try {
      expect(await flushOutbox(ctx)).toMatchObject({ sent: 2, done: 2 });
    } finally {
      Dexie.on('storagemutated').unsubscribe(count);
    }
    expect(commentWrites).toBe(0);
    expect(await statusOf(ctx, 1)).toBe('approved');
  });

  it('sends decisions made while it is on the wire in the same flush (a moderator clearing a queue key by key)', async () => {
    const { ctx, wordpress } = await setup(pending(1, 2, 3));
    let made = false;
    const deciding: typeof fetch = async (input, init) => {
      // While the first decision is on the wire, the moderator decides the next two.
      if (!made && init?.method === 'POST') {
        made = true;
        await decide(ctx, { siteId, commentIds: [2, 3], decision: 'spam', undoWindowMs: 0 });
      }
      return wordpress.fetch(input, init);
    };
    const decidingCtx = { ...ctx, fetch: deciding };
    await decide(decidingCtx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    expect(await flushOutbox(decidingCtx)).toMatchObject({ sent: 3, done: 3 });
    expect(wordpress.writes.map((write) => write.id)).toEqual([1, 2, 3]);
    expect(await flushOutbox(decidingCtx)).toMatchObject({ sent: 0 });
  });
});

describe('sync and unsent decisions', () => {
  beforeEach(resetFakeBrowser);

  it('a sync never undoes a decision that is not sent yet', async () => {
    const { ctx, wordpress } = await setup(pending(1, 2));
    await decide(ctx, { siteId, commentIds: [1], decision: 'approve' });
    await decide(ctx, { siteId, commentIds: [2], decision: 'spam' });
    await syncPending(ctx, siteId);
    expect(await statusOf(ctx, 1)).toBe('approved');
    expect(await statusOf(ctx, 2)).toBe('spam');
    expect(wordpress.comments.map((c) => c.status)).toEqual(['hold', 'hold']);
    clock += 6000;
    await flushOutbox(ctx);
    await syncPending(ctx, siteId);
    expect(await statusOf(ctx, 1)).toBe('approved');
    expect(await withStatus(ctx.db, 'hold').count()).toBe(0);
  });
});

describe('edits and replies', () => {
  beforeEach(resetFakeBrowser);

  it('an edit shows at once, is sent with the text, and undo after sending edits the old text back', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    const [id = 0] = await decide(ctx, {
      siteId,
      commentIds: [1],
      decision: 'edit',
      content: 'Neu <b>und</b> besser',
      undoWindowMs: 0,
    });
    expect((await ctx.db.comments.get([siteId, 1]))?.contentHtml).toBe('<p>Neu &lt;b&gt;und&lt;/b&gt; besser</p>');
    await flushOutbox(ctx);
    expect(wordpress.comments[0]?.content).toBe('Neu <b>und</b> besser');
    expect(await undo(ctx, id)).toBe('reversed');
    await flushOutbox(ctx);
    expect(wordpress.comments[0]?.content).toBe('Kommentar 1');
  });

  it('approve and reply: both are sent, in that order; the reply lands in the cache', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    await decide(ctx, { siteId, commentIds: [1], decision: 'approveAndReply', content: 'Danke!', undoWindowMs: 0 });
    for (let run = 0; run < 2; run++) await flushOutbox(ctx);
    expect(wordpress.writes.map((w) => (w.id === 0 ? 'reply' : w.body?.status))).toEqual(['approved', 'reply']);
    const reply = wordpress.comments.find((c) => c.parent === 1);
    expect(reply).toMatchObject({ content: 'Danke!', post: 4 });
    expect(await ctx.db.comments.get([siteId, reply?.id ?? 0])).toMatchObject({ parent: 1, status: 'approved' });
    expect((await ctx.db.outbox.orderBy('id').last())?.resultId).toBe(reply?.id);
  });

  it('a reply re-sent after its answer was lost (409 comment_duplicate) counts as posted, not failed', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    await decide(ctx, { siteId, commentIds: [1], decision: 'reply', content: 'Schon da?', undoWindowMs: 0 });
    wordpress.failures.push({ status: 409, code: 'comment_duplicate' });
    expect(await flushOutbox(ctx)).toMatchObject({ done: 1, failed: 0 });
    expect((await ctx.db.outbox.toArray())[0]?.error?.message).toBe('This reply had already been posted.');
  });

  it('refuses an empty reply before anything is stored', async () => {
    const { ctx } = await setup(pending(1));
    await expect(decide(ctx, { siteId, commentIds: [1], decision: 'reply', content: '   ' })).rejects.toMatchObject({
      code: 'empty_text',
    });
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('a forbidden reply after a successful approve does not undo the approval in the cache', async () => {
    const { ctx, wordpress } = await setup(pending(1));
    await decide(ctx, { siteId, commentIds: [1], decision: 'approveAndReply', content: 'Hallo', undoWindowMs: 0 });
    // The approve goes through; the reply (sent after it, in the same flush) is refused.
    wordpress.failures.push(null, { status: 403, code: 'rest_comment_closed' });
    await flushOutbox(ctx);
    expect(wordpress.writes.map((write) => write.method)).toEqual(['POST', 'POST']);
    expect(await statusOf(ctx, 1)).toBe('approved');
    expect((await ctx.db.outbox.orderBy('id').last())?.state).toBe('failed');
  });
});
