/**
 * The open decisions by comment, for the rows that show them. The outbox is read again every
 * 400 ms while decisions flow, each time as new objects: a comment whose decisions read the same
 * keeps the same array, so its row (a pure component) does not render again — while a moderator
 * decides key after key, the rows in view have no open decisions at all and render for none of them.
 */
import type { OutboxRow } from '../shared/db/index.ts';
import { commentKey } from './queue/views.ts';

/** Everything a row could show or act on, except the snapshot (written once with the decision). */
function sameRow(a: OutboxRow, b: OutboxRow): boolean {
  return (
    a.id === b.id &&
    a.state === b.state &&
    a.decision === b.decision &&
    a.notBefore === b.notBefore &&
    a.attempts === b.attempts &&
    a.claimedAt === b.claimedAt &&
    a.sentAt === b.sentAt &&
    a.undoOf === b.undoOf &&
    a.content === b.content &&
    a.resultId === b.resultId &&
    a.resultStatus === b.resultStatus &&
    a.error?.kind === b.error?.kind &&
    a.error?.code === b.error?.code &&
    a.error?.message === b.error?.message
  );
}

const sameRows = (a: readonly OutboxRow[], b: readonly OutboxRow[]) =>
  a.length === b.length && a.every((row, index) => sameRow(row, b[index] as OutboxRow));

/** Open decisions (not undos) by comment key, in outbox order; arrays of `previous` kept where equal. */
export function outboxByComment(
  rows: readonly OutboxRow[],
  previous: ReadonlyMap<string, readonly OutboxRow[]> = new Map(),
): Map<string, readonly OutboxRow[]> {
  const byComment = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    if (row.undoOf !== null) continue;
    const key = commentKey({ siteId: row.siteId, id: row.commentId });
    const list = byComment.get(key);
    if (list) list.push(row);
    else byComment.set(key, [row]);
  }
  const kept = new Map<string, readonly OutboxRow[]>();
  for (const [key, list] of byComment) {
    const before = previous.get(key);
    kept.set(key, before && sameRows(before, list) ? before : list);
  }
  return kept;
}
