/** An outbox row as the soak's oracles read it, for their unit tests (a done status decision by default). */
import type { CommentRow, OutboxRow } from '../../../src/shared/db/index.ts';

export const t0 = 1_796_606_743_565;

export function outboxRow(id: number, decision: OutboxRow['decision'], more: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id,
    siteId: 'site',
    commentId: 20,
    decision,
    previousStatus: 'hold',
    snapshot: {} as CommentRow,
    state: 'done',
    createdAt: t0,
    notBefore: t0,
    attempts: 1,
    sentAt: t0,
    error: null,
    undoOf: null,
    ...more,
  };
}
