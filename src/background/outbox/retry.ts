import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { statusAfter } from './status.ts';

/**
 * A failed (or conflicting) decision goes back to waiting, due now; the cache shows it again as
 * decided until WordPress answers (a failure had rolled it back).
 */
export async function retryDecision(ctx: BackgroundContext, outboxId: number): Promise<'waiting' | 'sending' | 'done'> {
  const { db } = ctx;
  return db.transaction('rw', db.outbox, db.comments, async () => {
    const row = await db.outbox.get(outboxId);
    if (!row) throw new ReplyError('unknown_decision', 'This decision is no longer known.');
    if (row.state !== 'failed' && row.state !== 'conflict') return row.state;
    await db.outbox.update(outboxId, { state: 'waiting', notBefore: ctx.now(), error: null, attempts: 0 });
    const key: [string, number] = [row.siteId, row.commentId];
    const cached = await db.comments.get(key);
    if (row.decision === 'delete') await db.comments.delete(key);
    else if (cached && row.decision !== 'reply' && row.decision !== 'edit')
      await db.comments.update(key, { status: statusAfter(row.decision, cached.status) });
    return 'waiting';
  });
}
