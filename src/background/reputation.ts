/**
 * Keeps the local reputation rows in step with the cache. Every writer of cached comments (a
 * decision, an undo, a flush's answer, a sync) says what each comment it wrote now counts as, in
 * its own transaction; the row of each of the author's keys stores that outcome by comment id and
 * tallies its counts from those. Saying the same thing twice changes nothing (no double counts).
 *
 * What counts: for a cached comment, what its status says (approved, spam, trash; nothing while it
 * is pending). A comment that leaves the cache keeps the outcome it last had — a spam comment
 * deleted for good is still spam — except a permanent delete by the moderator, which counts as
 * trashed unless it was spam.
 */
import type { CommentRow, FreigabeDb, ReputationRow } from '../shared/db/index.ts';
import {
  type Commenter,
  outcomeOfStatus,
  type ReputationOutcome,
  reputationKeys,
  tally,
} from '../shared/reputation.ts';

type CountedComment = Commenter & { id: number };

export class ReputationChanges {
  private readonly byKey = new Map<string, Map<number, ReputationOutcome | null>>();

  constructor(private readonly siteId: string) {}

  /** The comment counts as `outcome` for its author from now on (null: not at all). */
  set(comment: CountedComment, outcome: ReputationOutcome | null): this {
    for (const key of reputationKeys(comment)) {
      const outcomes = this.byKey.get(key) ?? new Map<number, ReputationOutcome | null>();
      outcomes.set(comment.id, outcome);
      this.byKey.set(key, outcomes);
    }
    return this;
  }

  /** The comment counts as its status says. */
  follow(comment: CountedComment & Pick<CommentRow, 'status'>): this {
    return this.set(comment, outcomeOfStatus(comment.status));
  }

  /** Writes the changed rows; call inside a transaction that includes `db.reputation`. */
  async apply(db: FreigabeDb, now: number): Promise<void> {
    const keys = [...this.byKey.keys()];
    if (keys.length === 0) return;
    const rows = await storedRows(db, this.siteId, keys);
    const puts: ReputationRow[] = [];
    const deletes: [string, string][] = [];
    keys.forEach((key, index) => {
      const row = rows[index];
      const byComment: Record<number, ReputationOutcome> = { ...row?.byComment };
      let changed = false;
      for (const [id, outcome] of this.byKey.get(key) ?? []) {
        if (outcome === null && id in byComment) {
          delete byComment[id];
          changed = true;
        } else if (outcome !== null && byComment[id] !== outcome) {
          byComment[id] = outcome;
          changed = true;
        }
      }
      if (!changed) return;
      const counts = tally(byComment);
      if (counts.approved + counts.spam + counts.trashed === 0) {
        if (row) deletes.push([this.siteId, key]);
        return;
      }
      puts.push({ siteId: this.siteId, key, ...counts, updatedAt: now, byComment });
    });
    if (puts.length > 0) await db.reputation.bulkPut(puts);
    if (deletes.length > 0) await db.reputation.bulkDelete(deletes);
    this.byKey.clear();
  }
}

/** From this many keys on, asking which exist first may save reading them one by one. */
const manyKeys = 20;

/**
 * The stored rows of these keys (undefined where there is none), as `bulkGet` answers. A sync's
 * page asks for a few hundred keys, mostly of commenters never counted: in the service worker each
 * get is a round trip to the browser's IndexedDB, so when the site has few rows (none before its
 * first sync) they are listed first, in one request, and only those that exist are read.
 */
async function storedRows(db: FreigabeDb, siteId: string, keys: readonly string[]) {
  const read = (wanted: readonly string[]) =>
    db.reputation.bulkGet(wanted.map((key) => [siteId, key] as [string, string]));
  if (keys.length < manyKeys) return read(keys);
  const ofSite = db.reputation.where('siteId').equals(siteId);
  const stored = await ofSite.count();
  if (stored > keys.length * 4) return read(keys);
  const present = new Set(stored === 0 ? [] : (await ofSite.primaryKeys()).map(([, key]) => key));
  const existing = keys.filter((key) => present.has(key));
  const found = new Map((await read(existing)).map((row, index) => [existing[index], row]));
  return keys.map((key) => found.get(key));
}

/** What a permanent delete by the moderator counts as. */
export function outcomeOfDelete(previousStatus: string): ReputationOutcome {
  return previousStatus === 'spam' ? 'spam' : 'trashed';
}

/** Counts every cached comment of the site that is not pending, once (the first sync's seed). */
export async function seedReputation(db: FreigabeDb, siteId: string, now: number): Promise<void> {
  const changes = new ReputationChanges(siteId);
  for (const status of ['approved', 'spam', 'trash']) {
    const rows = await db.comments.where('[siteId+status]').equals([siteId, status]).toArray();
    for (const row of rows) changes.follow(row);
  }
  await changes.apply(db, now);
}
