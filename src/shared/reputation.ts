/**
 * Local reputation, the pure part (no DOM, no browser API: the background, the popup and the page
 * share it): which keys name a commenter, what a comment's status says about its author, and the
 * summary the UIs show ("3 approved · 1 spam").
 *
 * A reputation row counts each comment once: it keeps every comment's outcome by comment id
 * (`byComment`), and its counts are tallied from that map. Writing the same outcome again (a second
 * sync, a replayed decision) changes nothing, so nothing is ever counted twice.
 */

export type ReputationOutcome = 'approved' | 'spam' | 'trashed';

/** What identifies a commenter: the fields every cached comment has. */
export interface Commenter {
  authorEmail: string | null;
  authorUrl: string;
  authorIp: string | null;
}

/** `email:<lowercased>`, `host:<URL host without www.>`, `ip:<address>` — those the comment has. */
export function reputationKeys(commenter: Commenter): string[] {
  const keys: string[] = [];
  const email = commenter.authorEmail?.trim().toLowerCase();
  if (email) keys.push(`email:${email}`);
  const host = urlHost(commenter.authorUrl);
  if (host) keys.push(`host:${host}`);
  const ip = commenter.authorIp?.trim().toLowerCase();
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

/** The host of a commenter's website, lowercased, without `www.`; null: none or not a web address. */
export function urlHost(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  // Commenters type "example.org" as often as "https://example.org/".
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  if (!URL.canParse(absolute)) return null;
  const { protocol, hostname } = new URL(absolute);
  if ((protocol !== 'http:' && protocol !== 'https:') || hostname === '') return null;
  return hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/**
 * What a comment in this status says about its author: approved, spam, or trashed; nothing while
 * it is pending (or any other status).
 */
export function outcomeOfStatus(status: string): ReputationOutcome | null {
  if (status === 'approved') return 'approved';
  if (status === 'spam') return 'spam';
  if (status === 'trash') return 'trashed';
  return null;
}

export interface ReputationCounts {
  approved: number;
  spam: number;
  trashed: number;
}

/** The counts of a row's per-comment outcomes. */
export function tally(byComment: Readonly<Record<number, ReputationOutcome>>): ReputationCounts {
  const counts: ReputationCounts = { approved: 0, spam: 0, trashed: 0 };
  for (const outcome of Object.values(byComment)) counts[outcome] += 1;
  return counts;
}

/** A stored reputation row, as far as the summary needs it. */
export interface ReputationFacts extends ReputationCounts {
  byComment?: Readonly<Record<number, ReputationOutcome>>;
}

export type ReputationTone = 'unknown' | 'trusted' | 'suspect' | 'mixed';

export interface ReputationSummary extends ReputationCounts {
  /** unknown: nothing decided yet; trusted: only approved; suspect: only spam/trash; mixed: both */
  tone: ReputationTone;
  /** the non-zero counts in a fixed order, for a line like "3 approved · 1 spam" */
  parts: { outcome: ReputationOutcome; count: number }[];
}

/**
 * One commenter's reputation from the rows of their keys (email, host, IP). A comment known under
 * several keys counts once; `except` leaves out the comment being looked at.
 */
export function summarizeReputation(
  rows: readonly (ReputationFacts | undefined | null)[],
  { except }: { except?: number } = {},
): ReputationSummary {
  const present = rows.filter((row): row is ReputationFacts => row != null);
  let counts: ReputationCounts;
  if (present.every((row) => row.byComment !== undefined)) {
    const union: Record<number, ReputationOutcome> = {};
    for (const row of present) Object.assign(union, row.byComment);
    if (except !== undefined) delete union[except];
    counts = tally(union);
  } else {
    // Rows without per-comment outcomes: the largest count of any key (never a sum: one comment
    // is usually known under its email, host and IP at once).
    counts = { approved: 0, spam: 0, trashed: 0 };
    for (const row of present) {
      counts.approved = Math.max(counts.approved, row.approved);
      counts.spam = Math.max(counts.spam, row.spam);
      counts.trashed = Math.max(counts.trashed, row.trashed);
    }
  }
  const bad = counts.spam + counts.trashed;
  const tone: ReputationTone =
    counts.approved === 0 && bad === 0
      ? 'unknown'
      : bad === 0
        ? 'trusted'
        : counts.approved === 0
          ? 'suspect'
          : 'mixed';
  const parts = (['approved', 'spam', 'trashed'] as const)
    .filter((outcome) => counts[outcome] > 0)
    .map((outcome) => ({ outcome, count: counts[outcome] }));
  return { ...counts, tone, parts };
}
