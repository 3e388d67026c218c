/**
 * Decisions WordPress has done are kept a while, then let go. While kept they answer "decided
 * lately": undo sends their reverse, a sync tells when someone else changed such a comment within a
 * day (`watchedForMs`), a reply counts as the answer until WordPress lists it (ADR 028), and the
 * sweep leaves their comments to the user. Kept for ever, every sync and every article's view read
 * them all, each with its comment's snapshot — a moderator's whole history, growing by every key.
 */
import type { FreigabeDb } from '../../shared/db/index.ts';

/** How long a done decision is kept after it was due (and sent). */
export const keepDoneMs = 30 * 24 * 60 * 60_000;

/**
 * Deletes this site's done decisions older than `keepDoneMs` (inside a transaction over the outbox,
 * or on its own). Only done ones: waiting, sending, failed and conflicting decisions stay until they
 * are sent or the user dismisses them. Read through `notBefore` (when a decision fell due; never
 * after it was sent): only the rows old enough, not the whole outbox.
 */
export async function pruneDoneDecisions(db: FreigabeDb, siteId: string, now: number): Promise<number> {
  const cutoff = now - keepDoneMs;
  const old = await db.outbox.where('notBefore').below(cutoff).toArray();
  const gone = old
    .filter((row) => row.siteId === siteId && row.state === 'done' && (row.sentAt ?? 0) < cutoff)
    .map((row) => row.id ?? 0);
  await db.outbox.bulkDelete(gone);
  return gone.length;
}
