/**
 * The next chunk of a job's selection: the comments that still match its filter, in ascending id
 * order, up to the highest id that matched when the job started.
 *
 * REST has no "ids after N" parameter, and comments leave the filter as the job changes them, so a
 * page number would skip comments. Instead the list is read in `orderby=id&order=asc` from an
 * offset, and the ids themselves are the bookmark: `afterId` is the last id claimed, and the offset
 * only a hint where the comments after it start (the ones left behind — skipped, failed, or moved
 * into the filter by someone else — sit before them). Each page checks the hint against the ids it
 * got: comments at or below `afterId` at the start of the page are counted and passed over; a page
 * with none of them while the offset is above 0 means the hint is too high (some left behind have
 * left the filter since), so the read steps back. No list of left-behind ids is kept, and none is
 * ever read twice into a chunk.
 *
 * With the Bridge, `listIds` pages by id itself (keyset), so `afterId` is the whole bookmark.
 */
import type { JobRow, SiteRow } from '../../shared/db/index.ts';
import { filterQuery } from '../../shared/wp/bridge.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import { type CommenterMetadata, preservable } from '../../shared/wp/comments.ts';
import type { SelectedComment, SelectionQuery } from '../../shared/wp/job-requests.ts';
import type { JobCursor, RestStream } from './cursor.ts';

export interface ClaimItem {
  id: number;
  /** the status it had when selected */
  before: string;
  /** the commenter's IP and user agent, sent back with a REST update (WordPress would overwrite them) */
  preserve: CommenterMetadata | undefined;
}

export type Selected =
  | {
      items: ClaimItem[];
      skipped?: number;
      cursor: JobCursor;
      /** nothing matches after these (the Bridge's listing said so): the job ends with this chunk */
      last?: true;
    }
  | { end: true; cursor: JobCursor };

export const restChunkSize = 100;

export function contextOf(site: Pick<SiteRow, 'mode'>): 'view' | 'edit' {
  return site.mode === 'moderator' ? 'edit' : 'view';
}

/**
 * The REST selection of one stream of a job's filter. `ownPosts`: an author's posts (see
 * author-posts.ts) — WordPress pages an author's list before it drops the comments they may not
 * see, so without them offsets and counts would include others' comments.
 */
export function selectionOf(
  job: Pick<JobRow, 'filter'>,
  stream: RestStream,
  site: Pick<SiteRow, 'mode'>,
  ownPosts?: readonly number[],
): SelectionQuery {
  const query: SelectionQuery['query'] = {
    ...filterQuery(job.filter),
    type: stream === 'comment' ? 'comment' : stream,
  };
  if (ownPosts !== undefined && job.filter.post === undefined) query.post = ownPosts;
  return { query, context: contextOf(site) };
}

export function claimItemOf(site: Pick<SiteRow, 'mode'>, comment: SelectedComment): ClaimItem {
  return {
    id: comment.id,
    before: comment.status,
    preserve: preservable(site.mode, {
      authorIp: comment.author_ip ?? null,
      authorUserAgent: comment.author_user_agent ?? null,
    }),
  };
}

/** REST: the next comments after `afterId` in the current stream, moving on to the next stream at its end. */
export async function nextRestChunk(
  client: WpClient,
  site: Pick<SiteRow, 'mode'>,
  job: Pick<JobRow, 'filter'>,
  start: JobCursor,
  room: number,
): Promise<Selected> {
  let cursor = start;
  const perPage = Math.max(1, Math.min(restChunkSize, room));
  while (cursor.stream < cursor.streams.length) {
    const stream = cursor.streams[cursor.stream] ?? 'all';
    const page = await pageAfter(client, selectionOf(job, stream, site, cursor.ownPosts), cursor, perPage);
    if (page.fresh.length > 0) {
      const items = page.fresh.map((comment) => claimItemOf(site, comment));
      const last = items[items.length - 1]?.id ?? cursor.afterId;
      return { items, cursor: { ...cursor, afterId: last, offsetHint: page.behind } };
    }
    cursor = { ...cursor, stream: cursor.stream + 1, afterId: 0, offsetHint: 0 };
  }
  return { end: true, cursor };
}

/** One page of what follows `afterId` (none: the stream is through), and how many sit before it. */
async function pageAfter(
  client: WpClient,
  selection: SelectionQuery,
  cursor: JobCursor,
  perPage: number,
): Promise<{ fresh: SelectedComment[]; behind: number }> {
  let hint = cursor.offsetHint;
  // A little overlap proves the hint: the page must start with comments already passed.
  let overlap = Math.min(hint, 5);
  for (;;) {
    const offset = Math.max(0, hint - overlap);
    const { items } = await client.jobs.selectionPage(selection, offset, perPage);
    const sorted = [...items].sort((a, b) => a.id - b.id);
    const behind = sorted.findIndex((comment) => comment.id > cursor.afterId);
    const passed = behind === -1 ? sorted.length : behind;
    if (offset > 0 && passed === 0) {
      // Fewer are left behind than the hint said: step back.
      hint = offset;
      overlap = perPage;
      continue;
    }
    if (passed === sorted.length && sorted.length >= perPage) {
      // A whole page of comments already passed (many failed or skipped): read on.
      hint = offset + sorted.length;
      overlap = 0;
      continue;
    }
    const fresh = sorted.slice(passed).filter((comment) => comment.id <= cursor.maxId);
    return { fresh, behind: offset + passed };
  }
}

/** Bridge: the next ids after `afterId` (its listing never includes editor notes). */
export async function nextBridgeChunk(
  client: WpClient,
  job: Pick<JobRow, 'filter'>,
  start: JobCursor,
  room: number,
  maxIds: number,
): Promise<Selected> {
  const perPage = Math.max(1, Math.min(maxIds, room));
  // The job knows its total from the preview and counts what it handled: no COUNT with every page.
  const page = await client.bridge.listIds(job.filter, start.afterId, perPage, { count: false });
  const ids = page.ids.filter((id) => id > start.afterId && id <= start.maxId).sort((a, b) => a - b);
  if (ids.length === 0) return { end: true, cursor: { ...start, stream: start.streams.length } };
  const items = ids.map((id) => ({ id, before: job.filter.status as string, preserve: undefined }));
  const cursor = { ...start, afterId: ids[ids.length - 1] ?? start.afterId };
  // The listing's last page: no request more to learn that nothing follows.
  return page.nextAfterId === null ? { items, cursor, last: true } : { items, cursor };
}
