/** What the extension keeps in IndexedDB. Only the background writes; pages read. */

import type { SiteBlocklist } from '../blocklist.ts';
import type { ArticleTotals, CommentType, Decision, DraftKind, Role } from '../moderation.ts';
import type { AkismetVerdict } from '../wp/akismet-field.ts';
import type { BridgeInfo } from '../wp/bridge.ts';
import type { WpAuth } from '../wp/client.ts';

/** The user's role on the site: moderator, or author (moderates on their own posts). */
export type SiteMode = Role;
/** How the user signed in: the browser's session, WordPress's authorize screen, or a pasted password. */
export type SignInMethod = 'session' | 'authorize' | 'password';
/** blocked: a firewall or CDN in front of the site answers instead of WordPress (decisions wait) */
export type SiteStatus = 'connected' | 'syncing' | 'needs-login' | 'offline' | 'blocked' | 'error';

export interface SiteRow {
  /** the REST root as the site announces it — unique per site */
  id: string;
  origin: string;
  name: string;
  /** where the blog is read */
  home: string;
  /** where WordPress itself lives (wp-admin, admin-ajax.php) */
  siteUrl: string;
  signIn: SignInMethod;
  userId: number;
  userName: string;
  mode: SiteMode;
  status: SiteStatus;
  statusMessage: string | null;
  connectedAt: number;
  lastSyncAt: number | null;
  /** pending comments (all types) on the server at the last sync */
  pendingTotal: number;
  /** "Unreplied" when WordPress was last asked (ADR 028; counted on the badge when the user wants) */
  unreplied?: { count: number; checkedAt: number };
  /**
   * The Freigabe Bridge as the REST index announced it at connect or the last sync; null: not
   * there; absent: not looked for yet (a site connected before the Bridge was known).
   */
  bridge?: BridgeInfo | null;
  /**
   * WordPress's comment blocklists as the Bridge last answered (on sync and when a page asks);
   * absent: not read (no Bridge with the route, or not a moderator). See shared/blocklist.ts.
   */
  blocklist?: SiteBlocklist;
}

/** Kept apart from `sites` so that pages reading the queue never load a password. */
export interface CredentialRow {
  siteId: string;
  auth: Exclude<WpAuth, { kind: 'none' }>;
}

export interface CommentRow {
  siteId: string;
  id: number;
  post: number;
  parent: number;
  authorName: string;
  authorUrl: string;
  authorEmail: string | null;
  authorIp: string | null;
  authorUserAgent: string | null;
  /** UTC, milliseconds */
  date: number;
  /** as WordPress rendered it: untrusted HTML */
  contentHtml: string;
  contentRaw: string | null;
  link: string;
  status: string;
  /** a type a plugin invented is kept as WordPress sends it */
  type: CommentType | (string & {});
  syncedAt: number;
  /** Akismet's verdict, where the Freigabe Bridge tells it to a moderator (not indexed) */
  akismet?: AkismetVerdict;
}

export interface PostRow {
  siteId: string;
  id: number;
  title: string;
  link: string;
  author: number | null;
  /**
   * The article's approved comments and pings on WordPress, where it has more than the cache
   * holds of it (the thread context reads the newest 300): the article's counts, on every comment
   * page. Absent while the cache holds them all.
   */
  approvedTotals?: ArticleTotals;
}

/** The user's settings as stored (shared/settings.ts reads them through its schema). */
export interface SettingsRow {
  key: 'settings';
  value: unknown;
}

export type { AkismetVerdict } from '../akismet.ts';
export type { ArticleTotals, CommentType, Decision, DraftKind } from '../moderation.ts';

/**
 * - waiting: not sent yet (inside the undo window, or waiting for a retry, or for a sign-in);
 * - sending: handed to WordPress (a worker that dies here replays it on start: decisions are idempotent);
 * - done: WordPress did it (kept a while, so undo can send the reverse);
 * - failed: WordPress refused this one (forbidden, invalid); shown to the user;
 * - conflict: someone else moved the comment meanwhile; shown, never silently overwritten. Also a
 *   done decision a later sync found changed by someone else (error kind `changed-elsewhere`,
 *   sync/changed-elsewhere.ts); dismissing it makes it `done` again, with the error kept as the record.
 */
export type OutboxState = 'waiting' | 'sending' | 'done' | 'failed' | 'conflict';

export interface OutboxRow {
  /** auto-increment: the order decisions were made in */
  id?: number;
  siteId: string;
  commentId: number;
  decision: Decision;
  /** the comment's status before this decision (for undo) */
  previousStatus: string;
  /** the cached comment before the decision, to restore it on undo of a delete */
  snapshot: CommentRow;
  state: OutboxState;
  createdAt: number;
  /** not sent before this time (undo window, backoff, Retry-After) */
  notBefore: number;
  attempts: number;
  /**
   * when it last went onto the wire: a row a stopped worker left "sending" is not sent again before
   * that request could still be under way (rows claimed by builds before this field lack it)
   */
  claimedAt?: number;
  sentAt: number | null;
  /** what WordPress said, for the user, when it did not simply work */
  error: { kind: string; code: string | null; message: string } | null;
  /** a decision that undoes another (its id) */
  undoOf: number | null;
  /** edit: the new text; reply: the reply's text */
  content?: string | null;
  /** reply: the id WordPress gave the new comment */
  resultId?: number | null;
  /** a status decision WordPress did: the status it answered with (what a later sync compares with) */
  resultStatus?: string | null;
}

/**
 * A sync in progress, per comment it read (changed or not): lets a sync stopped midway go on
 * after the last page written without reading the rest again, knowing exactly which cached
 * comments it saw. Kept apart from the comments so an unchanged comment is never written again
 * (every write wakes the open popup). Emptied when the sync ends.
 */
/**
 * What a sync read: one row per page (keyed by the page's last comment), so a page is one write
 * and not a hundred. Rows written before that mark one comment each (no `ids`).
 */
export interface SyncSeenRow {
  siteId: string;
  id: number;
  /** every comment read (`id` alone when missing) */
  ids?: number[];
  /** the start time of the sync that read them */
  syncedAt: number;
}

/** What the user is typing: saved as typed, so closing the popup or the tab never loses it. */
export interface DraftRow {
  siteId: string;
  /** the comment replied to or edited */
  commentId: number;
  kind: DraftKind;
  content: string;
  updatedAt: number;
}

/**
 * What this moderator decided before about one commenter, per site. `key` is one of
 * `email:<lowercased address>`, `host:<URL host without www.>` or `ip:<address>`.
 */
export interface ReputationRow {
  siteId: string;
  key: string;
  approved: number;
  spam: number;
  trashed: number;
  updatedAt: number;
  /**
   * The outcome of each comment counted, by comment id: the counts above are tallied from it, so a
   * comment seen again (a second sync, a replayed decision) is never counted twice.
   */
  byComment?: Record<number, 'approved' | 'spam' | 'trashed'>;
}

/**
 * What WordPress said about one commenter's history, per site (moderators only: it is asked by
 * email, which only `context=edit` shows): how many approved comments that address has on the
 * blog, including those decided before the site was connected. Asked for the comments the popup
 * shows, at most once a day per address (see shared/commenter-history.ts).
 */
export interface CommenterHistoryRow {
  siteId: string;
  /** trimmed and lowercased, like the `email:` reputation key */
  email: string;
  /** approved comments (type comment) with this address on the server; null: never answered */
  approved: number | null;
  /** when WordPress last answered (null: never) */
  checkedAt: number | null;
  /** not asked again before this time: a day after an answer, an hour after a failure */
  nextCheckAt: number;
}

/**
 * Comments per status on the server (X-WP-Total), as of `at`. For an author (no
 * `moderate_comments`) WordPress counts every post's comments, not theirs: `hold` is then the
 * pending comments they can see, and the other statuses are not known (null).
 */
export interface StatusCounts {
  hold: number;
  approved: number | null;
  spam: number | null;
  trash: number | null;
  at: number;
}

/** Per site: where a sync stands, so a worker stopped mid-sync goes on where it was. */
export interface SyncStateRow {
  siteId: string;
  counts: StatusCounts | null;
  /** the pending pull under way: the last comment id written (pages in `orderby=id` order) */
  cursor: {
    startedAt: number;
    afterId: number;
    /** where the next page starts in the pending list as it was read (a guess once resumed) */
    nextOffset?: number;
    /** pending comments written so far in this pass */
    pendingSeen?: number;
    /** pending comments this sync found that were not cached before */
    newPending?: number;
    /** a queue longer than the cache's cap: how many older ones it counts, not reads, from which id on */
    window?: { start: number; firstId: number };
  } | null;
  /** posts whose thread context (approved comments) was fetched, and when */
  contextFetchedAt: Record<number, number>;
  /** when the site's reputation was first seeded from what the cache held */
  reputationSeededAt?: number;
  /** where the next sync goes on reading the cache out of the queue again (background/sync/sweep.ts) */
  sweepAfterId?: number;
}

export type { JobChunkRow, JobRow } from './job-rows.ts';
