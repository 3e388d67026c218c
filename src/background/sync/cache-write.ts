/**
 * Writing what a sync read into the cache. Pulled data never undoes the user's decisions: a
 * comment with a decision not sent yet — or sent after the sync began reading, so the flush's
 * answer is newer than the page — keeps its cached row. Every row written also updates the local
 * reputation, in the same transaction.
 */
import { Dexie } from 'dexie';
import type { CommentRow, FreigabeDb, OutboxRow, SyncStateRow } from '../../shared/db/index.ts';
import { outcomeOfStatus } from '../../shared/reputation.ts';
import { akismetOf, sameVerdict } from '../../shared/wp/akismet-field.ts';
import { maxTimeoutMs } from '../../shared/wp/client.ts';
import type { WpComment } from '../../shared/wp/schemas.ts';
import type { BackgroundContext } from '../context.ts';
import { ReputationChanges } from '../reputation.ts';

/** Editor notes (WordPress 6.9's `note` type) live in the comments table but are not comments. */
export const notComments = new Set(['note']);

export function toCommentRow(siteId: string, comment: WpComment, syncedAt: number): CommentRow {
  const akismet = akismetOf(comment.freigabe_akismet);
  const date = Date.parse(`${comment.date_gmt.replace(/Z$/, '')}Z`);
  return {
    siteId,
    id: comment.id,
    post: comment.post,
    parent: comment.parent,
    authorName: comment.author_name,
    authorUrl: comment.author_url,
    authorEmail: comment.author_email ?? null,
    authorIp: comment.author_ip ?? null,
    authorUserAgent: comment.author_user_agent ?? null,
    // A date that does not parse (a plugin's, a hand-edited row's) is no index key: the comment
    // would be missing from the queue of all sites ([status+date]). It sorts as the oldest instead.
    date: Number.isFinite(date) ? date : 0,
    contentHtml: comment.content.rendered,
    contentRaw: comment.content.raw ?? null,
    link: comment.link,
    status: comment.status,
    type: comment.type === '' ? 'comment' : comment.type,
    syncedAt,
    // Only where the Bridge told it: rows of sites without it stay as they were.
    ...(akismet ? { akismet } : {}),
  };
}

/** The tables a sync's writes touch (one transaction per chunk). */
export function syncTables(db: FreigabeDb) {
  return [db.comments, db.outbox, db.reputation, db.syncState, db.posts, db.sites, db.syncSeen];
}

/** Whether a pulled row says anything the cached one does not (when it was read aside). */
export function changedFrom(cached: CommentRow | undefined, pulled: CommentRow): boolean {
  if (!cached) return true;
  return (
    cached.status !== pulled.status ||
    cached.contentHtml !== pulled.contentHtml ||
    cached.contentRaw !== pulled.contentRaw ||
    cached.post !== pulled.post ||
    cached.parent !== pulled.parent ||
    cached.date !== pulled.date ||
    cached.type !== pulled.type ||
    cached.link !== pulled.link ||
    cached.authorName !== pulled.authorName ||
    cached.authorUrl !== pulled.authorUrl ||
    cached.authorEmail !== pulled.authorEmail ||
    cached.authorIp !== pulled.authorIp ||
    cached.authorUserAgent !== pulled.authorUserAgent ||
    !sameVerdict(cached.akismet, pulled.akismet)
  );
}

/**
 * The cached rows of these comments, in their order. A queue page (ids ascending) is read as one
 * range of the cache — one request to IndexedDB instead of one per comment, which in the service
 * worker is what a page's reading costs most; the ranges of a sync's pages do not overlap, and a
 * page whose ids are spread out is read by key.
 */
async function cachedRows(db: FreigabeDb, siteId: string, ids: readonly number[]): Promise<(CommentRow | undefined)[]> {
  const first = ids[0];
  const last = ids.at(-1);
  const ascending = ids.every((id, index) => index === 0 || (ids[index - 1] ?? id) < id);
  // Only a dense page: the cache holds every status, so a sparse range (a years-old pending comment
  // beside this week's) would read rows of other views between them.
  const dense = first !== undefined && last !== undefined && last - first < ids.length * 4;
  if (first === undefined || last === undefined || !ascending || !dense || ids.length < 2) {
    return db.comments.bulkGet(ids.map((id) => [siteId, id] as [string, number]));
  }
  const inRange = await db.comments.where('[siteId+id]').between([siteId, first], [siteId, last], true, true).toArray();
  const byId = new Map(inRange.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id));
}

/** Forgets what a site's syncs marked as read (inside a transaction that includes `db.syncSeen`). */
export function forgetSeen(db: FreigabeDb, siteId: string): Promise<number> {
  return db.syncSeen.where('[siteId+id]').between([siteId, Dexie.minKey], [siteId, Dexie.maxKey]).delete();
}

/**
 * Comments whose cached row must win over data read since `since`: their latest decision is not
 * sent yet, or was sent so recently that WordPress may have applied it after the read (a request
 * sent before `since` can land up to the client's timeout later). Only the given comments, or all
 * of the site's.
 */
export async function decidedSince(
  ctx: BackgroundContext,
  siteId: string,
  since: number,
  ids?: readonly number[],
): Promise<Set<number>> {
  const rows =
    ids === undefined
      ? await ctx.db.outbox.where('siteId').equals(siteId).toArray()
      : await ctx.db.outbox
          .where('[siteId+commentId]')
          .anyOf(ids.map((id) => [siteId, id]))
          .toArray();
  return decidedIn(rows, since);
}

/** The same, among outbox rows already read. */
export function decidedIn(rows: readonly OutboxRow[], since: number): Set<number> {
  const decided = new Set<number>();
  for (const row of rows) {
    if (
      row.state === 'waiting' ||
      row.state === 'sending' ||
      (row.sentAt !== null && row.sentAt >= since - maxTimeoutMs)
    ) {
      decided.add(row.commentId);
    }
  }
  return decided;
}

/**
 * Writes pulled comments (inside a transaction over `syncTables`), except those the user decided
 * meanwhile, and only those that changed: a sync that finds the queue as cached writes no comment
 * (each write would make the open popup read again). Every pulled comment is marked as read by
 * the sync that started at `since` (`syncSeen`). Answers the ids that were not cached before.
 */
export async function writePulled(
  ctx: BackgroundContext,
  siteId: string,
  rows: readonly CommentRow[],
  since: number,
): Promise<{ added: number[] }> {
  if (rows.length === 0) return { added: [] };
  const { db } = ctx;
  const decided = await decidedSince(
    ctx,
    siteId,
    since,
    rows.map((row) => row.id),
  );
  const fresh = rows.filter((row) => !decided.has(row.id));
  const before = await cachedRows(
    db,
    siteId,
    fresh.map((row) => row.id),
  );
  const changed = fresh.filter((row, index) => changedFrom(before[index], row));
  if (changed.length > 0) await db.comments.bulkPut(changed);
  const last = fresh.at(-1);
  // Keyed by the last one: a later row with the same key replaces this one, and what it drops is
  // only re-checked by id on a resume (a mark lost costs a request, never a wrong answer).
  if (last) await db.syncSeen.put({ siteId, id: last.id, ids: fresh.map((row) => row.id), syncedAt: since });
  const reputation = new ReputationChanges(siteId);
  const added: number[] = [];
  fresh.forEach((row, index) => {
    const cached = before[index];
    if (!changedFrom(cached, row)) return;
    if (!cached) added.push(row.id);
    // A cached comment counts as its status says (every writer keeps it so): one that stays
    // without an outcome (pending before and now) changes nothing, and is skipped.
    if (!cached || outcomeOfStatus(cached.status) !== null || outcomeOfStatus(row.status) !== null) {
      reputation.follow(row);
    }
  });
  await reputation.apply(db, ctx.now());
  return { added };
}

export function emptySyncState(siteId: string): SyncStateRow {
  return { siteId, counts: null, cursor: null, contextFetchedAt: {} };
}

/** Changes a site's sync state (inside a transaction that includes `db.syncState`). */
export async function updateSyncState(
  db: FreigabeDb,
  siteId: string,
  change: (state: SyncStateRow) => Partial<SyncStateRow>,
): Promise<void> {
  const state = (await db.syncState.get(siteId)) ?? emptySyncState(siteId);
  await db.syncState.put({ ...state, ...change(state) });
}
