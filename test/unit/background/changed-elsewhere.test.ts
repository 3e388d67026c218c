/**
 * Another moderator without the Bridge (issue 13): the next sync re-reads the comments the user
 * decided lately and tells — once — when one was changed by someone else after the decision was
 * done; a new decision on a comment in conflict settles the conflict instead of being held behind it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decide, undo } from '../../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../../src/background/outbox/flush.ts';
import { changedAfterDecision } from '../../../src/background/sync/changed-elsewhere.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import type { OutboxRow } from '../../../src/shared/db/index.ts';
import { maxTimeoutMs } from '../../../src/shared/wp/client.ts';
import { connectedSite, fakeComment, siteId } from '../../support/connected-site.ts';
import { getMessage, resetFakeBrowser } from '../../support/fake-browser.ts';

const sentAt = 1_000_000;
const done = (extra: Partial<OutboxRow> = {}): OutboxRow => ({
  id: 1,
  siteId,
  commentId: 7,
  decision: 'approve',
  previousStatus: 'hold',
  snapshot: {} as OutboxRow['snapshot'],
  state: 'done',
  createdAt: sentAt - 5_000,
  notBefore: sentAt - 5_000,
  attempts: 1,
  sentAt,
  error: null,
  undoOf: null,
  resultStatus: 'approved',
  ...extra,
});
const later = sentAt + maxTimeoutMs + 1;

describe('changedAfterDecision (pure)', () => {
  it('is true when WordPress now has another status than the decision gave, read after it landed', () => {
    expect(changedAfterDecision(done(), 'spam', later)).toBe(true);
    expect(changedAfterDecision(done(), 'approved', later)).toBe(false);
  });

  it('waits until a read began after the decision could still land', () => {
    expect(changedAfterDecision(done(), 'spam', sentAt + maxTimeoutMs - 1)).toBe(false);
  });

  it('knows what unspam gave from WordPress’s answer, and guesses from the rules without one', () => {
    expect(changedAfterDecision(done({ decision: 'unspam', resultStatus: 'approved' }), 'approved', later)).toBe(false);
    expect(changedAfterDecision(done({ decision: 'spam', resultStatus: undefined }), 'spam', later)).toBe(false);
    expect(changedAfterDecision(done({ decision: 'spam', resultStatus: undefined }), 'trash', later)).toBe(true);
  });

  it('says nothing of decisions not done, texts, deletes, or what was told already', () => {
    expect(changedAfterDecision(done({ state: 'waiting' }), 'spam', later)).toBe(false);
    expect(changedAfterDecision(done({ decision: 'reply' }), 'spam', later)).toBe(false);
    expect(changedAfterDecision(done({ decision: 'delete' }), 'spam', later)).toBe(false);
    const told = { kind: 'changed-elsewhere', code: 'changed_elsewhere', message: '…' };
    expect(changedAfterDecision(done({ error: told }), 'spam', later)).toBe(false);
  });
});

async function decidedAndSent(decision: 'approve' | 'spam' = 'approve') {
  const site = await connectedSite([fakeComment(1, 'hold'), fakeComment(2, 'hold')]);
  await syncPending(site.ctx, siteId);
  const [outboxId = 0] = await decide(site.ctx, { siteId, commentIds: [1], decision, undoWindowMs: 0 });
  await flushOutbox(site.ctx);
  expect((await site.ctx.db.outbox.get(outboxId))?.state).toBe('done');
  site.clock.now += maxTimeoutMs + 1_000;
  /** the administrator, straight in WordPress */
  const colleague = (status: string) => {
    const comment = site.wordpress.comments.find((one) => one.id === 1);
    if (comment) comment.status = status;
  };
  return { ...site, outboxId, colleague };
}

describe('a colleague’s change found by the next sync', () => {
  beforeEach(resetFakeBrowser);

  it('tells once, on the decision, where the comment is now', async () => {
    const { ctx, outboxId, colleague } = await decidedAndSent();
    colleague('spam');
    await syncPending(ctx, siteId);
    const row = await ctx.db.outbox.get(outboxId);
    expect(row).toMatchObject({ state: 'conflict', previousStatus: 'spam' });
    expect(row?.error?.message).toBe(getMessage('changedElsewhere', ['Spam']));
    expect(row?.error?.message).toBe('Changed by someone else after your decision: now Spam.');
    // The cache shows the comment where WordPress has it.
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('spam');
    // Dismissed, it is told once: the next syncs leave it done.
    expect(await undo(ctx, outboxId)).toBe('cancelled');
    await syncPending(ctx, siteId);
    expect(await ctx.db.outbox.get(outboxId)).toMatchObject({ state: 'done', error: { kind: 'changed-elsewhere' } });
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('spam');
  });

  it('once told and dismissed, follows the comment on: a colleague’s next move reaches the cache, untold', async () => {
    // The soak's seed 207126 (Bridge site): told "now Approved", dismissed; the colleague's Spam afterwards
    // never reached the cache (a told decision was no longer read again).
    const { ctx, outboxId, colleague } = await decidedAndSent();
    colleague('spam');
    await syncPending(ctx, siteId);
    expect(await undo(ctx, outboxId)).toBe('cancelled');
    colleague('trash');
    await syncPending(ctx, siteId);
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('trash');
    expect(await ctx.db.outbox.get(outboxId)).toMatchObject({
      state: 'done',
      error: { message: getMessage('changedElsewhere', ['Spam']) },
    });
  });

  it('names a status no view shows as WordPress names it, never as "Pending"', async () => {
    const { ctx, outboxId, colleague } = await decidedAndSent();
    colleague('post-trashed');
    await syncPending(ctx, siteId);
    expect((await ctx.db.outbox.get(outboxId))?.error?.message).toBe(
      'Changed by someone else after your decision: now post-trashed.',
    );
  });

  it('says nothing when the comment is still where the decision put it', async () => {
    const { ctx, outboxId } = await decidedAndSent();
    await syncPending(ctx, siteId);
    expect(await ctx.db.outbox.get(outboxId)).toMatchObject({ state: 'done', error: null });
  });

  it('also finds a comment a colleague moved back to pending (read by the queue pass)', async () => {
    const { ctx, outboxId, colleague } = await decidedAndSent('spam');
    colleague('hold');
    const summary = await syncPending(ctx, siteId);
    expect(summary.pending).toBe(2);
    expect((await ctx.db.outbox.get(outboxId))?.error?.message).toBe(getMessage('changedElsewhere', ['Pending']));
  });

  it('a new decision on it settles the conflict and is sent, not held behind it', async () => {
    const { ctx, wordpress, outboxId, colleague } = await decidedAndSent();
    colleague('spam');
    await syncPending(ctx, siteId);
    await decide(ctx, { siteId, commentIds: [1], decision: 'unspam', undoWindowMs: 0 });
    await flushOutbox(ctx);
    expect((await ctx.db.outbox.get(outboxId))?.state).toBe('done');
    expect(wordpress.comments.find((one) => one.id === 1)?.status).not.toBe('spam');
  });
});

describe('a comment the user only edited', () => {
  beforeEach(resetFakeBrowser);

  it('is read again by the next syncs, so a colleague’s later move reaches the cache (nothing to tell)', async () => {
    // The soak's seed 207126 (no Bridge): the edit's answer cached the comment as Spam (a colleague had
    // spammed it meanwhile); the colleague's Trash later never reached the cache, which re-read only
    // pending comments and those with a status decision.
    const site = await connectedSite([fakeComment(1, 'hold'), fakeComment(2, 'hold')]);
    await syncPending(site.ctx, siteId);
    const [outboxId = 0] = await decide(site.ctx, {
      siteId,
      commentIds: [1],
      decision: 'edit',
      content: 'Neu gefasst.',
      undoWindowMs: 0,
    });
    const comment = site.wordpress.comments.find((one) => one.id === 1);
    if (comment) comment.status = 'spam';
    await flushOutbox(site.ctx);
    expect((await site.ctx.db.comments.get([siteId, 1]))?.status).toBe('spam');
    if (comment) comment.status = 'trash';
    site.clock.now += maxTimeoutMs + 1_000;
    await syncPending(site.ctx, siteId);
    expect((await site.ctx.db.comments.get([siteId, 1]))?.status).toBe('trash');
    expect(await site.ctx.db.outbox.get(outboxId)).toMatchObject({ state: 'done', error: null });
  });
});

describe('a conflict the Bridge reported', () => {
  beforeEach(resetFakeBrowser);

  it('no longer holds a later decision on its comment: the new decision replaces it', async () => {
    const site = await connectedSite([fakeComment(1, 'hold')]);
    await syncPending(site.ctx, siteId);
    const [first = 0] = await decide(site.ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    // As bridge-send.ts writes it when compare-and-set refused: someone had moved it to spam.
    const error = { kind: 'conflict', code: 'freigabe_conflict', message: 'moved first' };
    await site.ctx.db.outbox.update(first, { state: 'conflict', previousStatus: 'spam', error });
    await site.ctx.db.comments.update([siteId, 1], { status: 'spam' });
    const [comment] = site.wordpress.comments;
    if (comment) comment.status = 'spam';
    await decide(site.ctx, { siteId, commentIds: [1], decision: 'trash', undoWindowMs: 0 });
    await flushOutbox(site.ctx);
    expect(await site.ctx.db.outbox.get(first)).toBeUndefined();
    expect(site.wordpress.comments[0]?.status).toBe('trash');
    expect((await site.ctx.db.outbox.toArray()).map((row) => row.state)).toEqual(['done']);
  });
});
