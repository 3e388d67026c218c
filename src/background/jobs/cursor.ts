/**
 * The background's bookmark in a job (`JobRow.cursor`): where the next chunk starts, how far the
 * job may go, and what it learned about the server. Read through a schema like every stored row (a
 * row written by an older build, or a broken one, starts the job's selection again from its first
 * id: comments already changed have left the filter, and the chunk ledger never sends one twice).
 */
import * as v from 'valibot';
import type { JobRoute } from '../../shared/jobs.ts';
import { initialConcurrency } from './concurrency.ts';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** REST lists comments and pings apart (its `type=all` also lists editor notes): one stream each. */
export const restStreams = ['comment', 'pings'] as const;
export type RestStream = (typeof restStreams)[number] | 'all';

const cursorSchema = v.object({
  route: v.picklist(['rest', 'bridge']),
  /** the highest id that matched when the job started: comments arriving later are not included */
  maxId: count,
  /** the streams the selection is read in (REST: comment and pings apart), and the current one */
  streams: v.array(v.picklist(['comment', 'pings', 'all'])),
  stream: count,
  /** the highest id claimed so far in the current stream */
  afterId: count,
  /** REST: where in the filtered list (ids ascending) the comments after `afterId` start — a hint */
  offsetHint: count,
  /** the next chunk's number */
  nextSeq: count,
  /** comments claimed so far (a job never claims more than its total) */
  claimed: count,
  /** requests in flight that worked last time (REST) */
  concurrency: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** failed attempts in a row (for the backoff) */
  attempts: count,
  /** an author's job over all their posts: those posts (REST lists an author only their own reliably) */
  ownPosts: v.optional(v.array(count)),
  /** an undo job: the job it reverses, and the next of that job's chunks to read */
  undo: v.optional(v.object({ jobId: count, seq: count })),
});

export type JobCursor = v.InferOutput<typeof cursorSchema>;

export function newCursor(route: JobRoute, maxId: number, streams: RestStream[]): JobCursor {
  return {
    route,
    maxId,
    streams,
    stream: 0,
    afterId: 0,
    offsetHint: 0,
    nextSeq: 0,
    claimed: 0,
    concurrency: initialConcurrency,
    attempts: 0,
  };
}

/** The stored bookmark, or a fresh one from the start when it cannot be read. */
export function readCursor(stored: unknown, fallback: () => JobCursor): JobCursor {
  const parsed = v.safeParse(cursorSchema, stored);
  return parsed.success ? parsed.output : fallback();
}
