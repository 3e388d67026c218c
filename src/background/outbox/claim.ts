/** Taking due decisions onto the wire, checked against what is stored now (an undo may have come first). */
import type { OutboxRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';

/**
 * Marks the rows as on the wire — those still waiting as they are stored now, inside the caller's
 * transaction over the outbox (with the check, so an undo either cancels a row before this or finds
 * it sending after). Answers the entries claimed, their rows as written.
 */
export async function claimRows<T extends { row: OutboxRow }>(
  ctx: BackgroundContext,
  entries: readonly T[],
): Promise<T[]> {
  const { outbox } = ctx.db;
  const stored = await outbox.bulkGet(entries.map(({ row }) => row.id ?? 0));
  const claimed: T[] = [];
  const claimedAt = ctx.now();
  for (const [index, entry] of entries.entries()) {
    const row = stored[index];
    if (row?.state !== 'waiting') continue;
    // An earlier decision on the comment still open (its answer lost, waiting to be sent again) goes
    // first. (The comment's rows read at once: a cursor walking them is a round trip per row.)
    const rows = await outbox.where('[siteId+commentId]').equals([row.siteId, row.commentId]).toArray();
    const earlier = rows.some((other) => (other.id ?? 0) < (row.id ?? 0) && other.state !== 'done');
    if (!earlier) claimed.push({ ...entry, row: { ...row, state: 'sending' as const, claimedAt } });
  }
  // The rows as read in this transaction, marked: written back whole (an update would read them again).
  await outbox.bulkPut(claimed.map(({ row }) => row));
  return claimed;
}
