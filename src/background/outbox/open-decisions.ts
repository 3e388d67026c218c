/** What the outbox holds that is open: the next decision of each comment, and when the rest fall due. */
import type { OutboxRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';

export const keyOf = (row: Pick<OutboxRow, 'siteId' | 'commentId'>) => `${row.siteId}\n${row.commentId}`;

export interface OpenDecisions {
  /** the next decision of each comment, when it is due; later ones wait for it */
  due: OutboxRow[];
  /** comments with a later decision waiting behind the first */
  queuedBehind: Set<string>;
  /** when the next decision that is not due yet falls due */
  nextDueAt: number | null;
}

export async function openDecisions(ctx: BackgroundContext, now: number): Promise<OpenDecisions> {
  const open = await ctx.db.outbox.where('state').anyOf('waiting', 'failed', 'conflict').sortBy('id');
  const seen = new Set<string>();
  const result: OpenDecisions = { due: [], queuedBehind: new Set(), nextDueAt: null };
  for (const row of open) {
    const key = keyOf(row);
    if (seen.has(key)) {
      result.queuedBehind.add(key);
      continue;
    }
    seen.add(key);
    if (row.state !== 'waiting') continue;
    if (row.notBefore <= now) result.due.push(row);
    else if (result.nextDueAt === null || row.notBefore < result.nextDueAt) result.nextDueAt = row.notBefore;
  }
  return result;
}

/** The next decision of each comment, when it is due; later ones wait for it. */
export async function dueRows(ctx: BackgroundContext, now: number): Promise<OutboxRow[]> {
  return (await openDecisions(ctx, now)).due;
}
