/**
 * Reads a site's pending queue into the cache, page by page, each page written in one transaction
 * with the sync cursor (pull-pending.ts runs it, then the rest of the sync).
 *
 * "Seen by this sync" is kept in the cache itself: every comment a sync reads is marked with the
 * sync's start time (`syncSeen`; the comment itself is written only when it changed), and a resumed
 * sync keeps the start time of the one it resumes (if that is less than `maxResumeAgeMs` ago). Before
 * going on, one probe asks whether the last comment written is still where it was: if so, nothing
 * before it left the queue meanwhile and what the stopped sync wrote counts as seen; if not, those
 * comments are re-checked by id like any other cached comment this sync did not see.
 */
import { Dexie } from 'dexie';
import type { SyncStateRow } from '../../shared/db/index.ts';
import type { WpClient } from '../../shared/wp/client.ts';
import type { BackgroundContext } from '../context.ts';
import { notComments, syncTables, toCommentRow, updateSyncState, writePulled } from './cache-write.ts';
import { type PendingPage, perPage, readPendingPages, resumeOffset } from './fetch-queue.ts';
import { HeldBackByJob, jobMovingQueue } from './job-deferral.ts';

/** The queue is read again from the start when it moved while it was read, at most this often. */
const maxPasses = 3;

type Cursor = NonNullable<SyncStateRow['cursor']>;

export interface QueueRead {
  total: number;
  /** pending comments read in the last pass (every type but notes) */
  pendingSeen: number;
  /** pending comments this sync cached for the first time */
  newPending: number;
  /** ids read in the last pass */
  seen: Set<number>;
  /** a queue longer than the cache's cap: the older ones counted, not read (fetch-queue.ts) */
  window: { start: number; firstId: number } | null;
  posts: Set<number>;
  parents: Set<number>;
}

/** Reads the queue (going on after `resume` if given) and writes each page with the cursor. */
export async function pullQueue(
  ctx: BackgroundContext,
  client: WpClient,
  siteId: string,
  context: 'view' | 'edit',
  startedAt: number,
  resume: Cursor | null,
  cap?: number,
): Promise<QueueRead> {
  const read: QueueRead = {
    total: 0,
    pendingSeen: resume?.pendingSeen ?? 0,
    newPending: resume?.newPending ?? 0,
    seen: new Set(),
    window: resume?.window ?? null,
    posts: new Set(),
    parents: new Set(),
  };
  let startOffset = 0;
  if (resume) {
    const found = resume.afterId > 0 ? await resumeOffset(client, resume.afterId, resume.nextOffset ?? 0) : null;
    startOffset = found?.offset ?? 0;
    // Not unchanged: the re-check below counts those that are still pending.
    if (!found?.unchanged) read.pendingSeen = 0;
    // What the stopped sync read is remembered by the cache (syncSeen). It counts as read by this
    // sync only if none of it left the queue meanwhile; otherwise it is re-checked by id below.
    const seenAt = new Map<number, number>();
    await ctx.db.syncSeen
      .where('[siteId+id]')
      .between([siteId, Dexie.minKey], [siteId, Dexie.maxKey])
      .each((mark) => {
        for (const id of mark.ids ?? [mark.id]) seenAt.set(id, Math.max(seenAt.get(id) ?? 0, mark.syncedAt));
      });
    await ctx.db.comments
      .where('[siteId+status]')
      .equals([siteId, 'hold'])
      .each((row) => {
        if ((seenAt.get(row.id) ?? 0) < startedAt) return;
        read.posts.add(row.post);
        if (row.parent > 0) read.parents.add(row.parent);
        if (found?.unchanged) read.seen.add(row.id);
      });
  }
  const writePage = async (page: PendingPage) => {
    if (await jobMovingQueue(ctx.db, siteId)) throw new HeldBackByJob();
    const rows = page.items
      .filter((comment) => !notComments.has(comment.type))
      .map((comment) => toCommentRow(siteId, comment, startedAt));
    const lastId = page.items.at(-1)?.id;
    if (page.window) read.window = page.window;
    let added = 0;
    await ctx.db.transaction('rw', syncTables(ctx.db), async () => {
      added = (await writePulled(ctx, siteId, rows, startedAt)).added.length;
      await updateSyncState(ctx.db, siteId, (state) => ({
        cursor: {
          startedAt,
          afterId: lastId ?? (state.cursor?.startedAt === startedAt ? state.cursor.afterId : 0),
          // Places in the list, counted as WordPress counts them (for an author, hidden ones too).
          nextOffset: Math.min(page.offset + (page.span ?? perPage), page.total),
          pendingSeen: read.pendingSeen + rows.length,
          newPending: read.newPending + added,
          ...(read.window ? { window: read.window } : {}),
        },
      }));
    });
    read.pendingSeen += rows.length;
    read.newPending += added;
    for (const row of rows) {
      read.seen.add(row.id);
      read.posts.add(row.post);
      if (row.parent > 0) read.parents.add(row.parent);
    }
  };
  for (let pass = 1; ; pass++) {
    const { total, steady } = await readPendingPages(client, context, startOffset, writePage, cap);
    read.total = total;
    if (steady || pass >= maxPasses) return read;
    // The queue moved while it was read (another moderator at work): pages may have shifted past
    // comments, so it is read again from the start.
    startOffset = 0;
    read.pendingSeen = 0;
    read.seen.clear();
    read.window = null;
  }
}
