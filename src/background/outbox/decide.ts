/**
 * A decision changes the cache at once (optimistic) and writes its outbox row in the same
 * transaction: either both happen or neither. The network call comes later, outside any transaction.
 */
import type { Decision, OutboxRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { reverseOf, statusAfter } from './status.ts';

export const defaultUndoWindowMs = 5_000;

export interface DecisionInput {
  siteId: string;
  commentIds: readonly number[];
  decision: Decision;
  undoWindowMs?: number;
}

export async function decide(ctx: BackgroundContext, input: DecisionInput): Promise<number[]> {
  const now = ctx.now();
  const notBefore = now + (input.undoWindowMs ?? defaultUndoWindowMs);
  const { db } = ctx;
  return db.transaction('rw', db.comments, db.outbox, async () => {
    const ids: number[] = [];
    for (const commentId of input.commentIds) {
      const comment = await db.comments.get([input.siteId, commentId]);
      if (!comment) throw new ReplyError('comment_not_cached', `Comment ${commentId} is not in the cache.`);
      const row: OutboxRow = {
        siteId: input.siteId,
        commentId,
        decision: input.decision,
        previousStatus: comment.status,
        snapshot: comment,
        state: 'waiting',
        createdAt: now,
        notBefore,
        attempts: 0,
        sentAt: null,
        error: null,
        undoOf: null,
      };
      ids.push(await db.outbox.add(row));
      if (input.decision === 'delete') await db.comments.delete([input.siteId, commentId]);
      else await db.comments.update([input.siteId, commentId], { status: statusAfter(input.decision, comment.status) });
    }
    return ids;
  });
}

/**
 * Undo: a decision still waiting is cancelled locally (nothing was sent); one already done is
 * taken back by sending the reverse (unspam, untrash, the previous status).
 */
export async function undo(
  ctx: BackgroundContext,
  outboxId: number,
  undoWindowMs = 0,
): Promise<'cancelled' | 'reversed'> {
  const { db } = ctx;
  return db.transaction('rw', db.comments, db.outbox, async () => {
    const row = await db.outbox.get(outboxId);
    if (!row) throw new ReplyError('unknown_decision', 'This decision is no longer known.');
    if (row.state === 'waiting' || row.state === 'failed' || row.state === 'conflict') {
      await db.outbox.delete(outboxId);
      await db.comments.put({ ...row.snapshot, status: row.previousStatus });
      return 'cancelled';
    }
    if (row.state === 'sending')
      throw new ReplyError('decision_in_flight', 'This decision is being sent right now. Try again in a moment.');
    const reverse = reverseOf(row.decision, row.previousStatus);
    if (reverse === null) throw new ReplyError('cannot_undo', 'A comment deleted permanently cannot be restored.');
    const current = (await db.comments.get([row.siteId, row.commentId])) ?? row.snapshot;
    await db.outbox.add({
      siteId: row.siteId,
      commentId: row.commentId,
      decision: reverse,
      previousStatus: current.status,
      snapshot: current,
      state: 'waiting',
      createdAt: ctx.now(),
      notBefore: ctx.now() + undoWindowMs,
      attempts: 0,
      sentAt: null,
      error: null,
      undoOf: outboxId,
    });
    await db.comments.put({ ...current, status: row.previousStatus });
    return 'reversed';
  });
}
