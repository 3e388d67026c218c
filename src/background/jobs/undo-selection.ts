/**
 * An undo job's selection: not a filter but the ledger of the job it reverses, chunk by chunk — the
 * comments that job changed (`done`), each read afresh. Only a comment still where that job left it
 * is taken back (compare-and-set against the status the job left); one that anybody moved since is
 * left alone and counted as skipped.
 */
import type { JobRow, SiteRow } from '../../shared/db/index.ts';
import { reverseJobAction } from '../../shared/jobs.ts';
import type { CommentStatus } from '../../shared/moderation.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { reachedBy } from '../../shared/wp/job-requests.ts';
import type { BackgroundContext } from '../context.ts';
import type { JobCursor } from './cursor.ts';
import { type ClaimItem, claimItemOf, contextOf } from './selection.ts';

export type UndoSelected =
  | { items: ClaimItem[]; skipped: number; cursor: JobCursor }
  | { end: true; cursor: JobCursor };

const readPage = 100;

export async function nextUndoChunk(
  ctx: BackgroundContext,
  client: WpClient,
  site: Pick<SiteRow, 'mode'>,
  job: Pick<JobRow, 'action'>,
  cursor: JobCursor,
): Promise<UndoSelected> {
  const source = cursor.undo ? await ctx.db.jobs.get(cursor.undo.jobId) : undefined;
  if (!source || !cursor.undo) return { end: true, cursor };
  const chunk = await ctx.db.jobChunks.get([cursor.undo.jobId, cursor.undo.seq]);
  if (!chunk) return { end: true, cursor };
  const next: JobCursor = { ...cursor, undo: { jobId: cursor.undo.jobId, seq: cursor.undo.seq + 1 } };
  // A chunk the job claimed but never answered (cancelled while it waited): its comments may have
  // been changed; the check against the status the job leaves below decides.
  const ids = chunk.ids.filter(
    (_, index) =>
      (chunk.state === 'claimed' || chunk.outcomes?.[index] === 'done') &&
      reverseJobAction(source.action, (chunk.before[index] ?? '') as CommentStatus) === job.action,
  );
  const items: ClaimItem[] = [];
  for (let start = 0; start < ids.length; start += readPage) {
    const comments = await client.jobs.statusesOf(ids.slice(start, start + readPage), contextOf(site));
    for (const comment of comments)
      if (reachedBy(source.action, comment.status)) items.push(claimItemOf(site, comment));
  }
  items.sort((a, b) => a.id - b.id);
  return { items, skipped: ids.length - items.length, cursor: next };
}
