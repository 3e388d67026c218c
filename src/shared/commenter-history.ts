/**
 * When to ask WordPress again about a commenter's earlier approved comments, and under which
 * address — the one rule the popup (which asks for the rows it shows) and the background (which
 * decides whether to send the request) share. Pure: no browser API, no database.
 */
import type { CommenterHistoryRow } from './db/rows.ts';

/** An answer is good for a day: a regular's count only grows, and a day-old "none" is still a hint. */
export const historyFreshForMs = 24 * 60 * 60_000;
/** After a failed request (offline, timeout, signed out) the address waits an hour. */
export const historyRetryAfterMs = 60 * 60_000;
/** Answers nobody looked at for this long are forgotten (the comments they were about have left). */
export const historyForgetAfterMs = 30 * 24 * 60 * 60_000;

/** Comments per `checkCommenterHistory` message at most (a screenful is far less). */
export const historyBatchSize = 50;

/** The address WordPress is asked about, as the `email:` reputation key has it; null when there is none. */
export function historyEmail(comment: { authorEmail: string | null }): string | null {
  const email = comment.authorEmail?.trim().toLowerCase();
  return email ? email : null;
}

/**
 * Whether WordPress should be asked (again): never asked, or the time to ask again has come. A
 * `nextCheckAt` further ahead than a fresh answer can be means the clock went back: ask.
 */
export function historyDue(row: Pick<CommenterHistoryRow, 'nextCheckAt'> | undefined | null, now: number): boolean {
  if (!row) return true;
  return now >= row.nextCheckAt || row.nextCheckAt - now > historyFreshForMs;
}
