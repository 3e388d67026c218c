/**
 * Bulk jobs: "everything matching" a filter that WordPress evaluates, changed by the background in
 * chunks (issue 12). Pure vocabulary shared by the popup (which shows and steers jobs) and the
 * background (which works them through): no Dexie, no browser API. The durable row is `JobRow` in
 * db/rows.ts; the messages are `previewJob`, `startJob`, `controlJob` and `undoJob`.
 */
import { type CommentStatus, commentStatuses, reverseOf, type StatusAction, statusActions } from './moderation.ts';

/** What a job does to every comment it selects: a status action (approve … delete permanently). */
export const jobActions = statusActions;
export type JobAction = StatusAction;

/** Which kinds of comment a filter matches (WordPress's `type`: comments, pings, or both). */
export const jobCommentTypes = ['all', 'comments', 'pings'] as const;
export type JobCommentType = (typeof jobCommentTypes)[number];

/**
 * A selection WordPress evaluates (REST `wp/v2/comments` parameters, or the Bridge's same ones):
 * nothing needs to be in the cache. `search` matches content, author name, email, URL and IP, as
 * WordPress's own search does; dates are ISO 8601 in the site's terms as REST takes them.
 */
export interface JobFilter {
  status: CommentStatus;
  type: JobCommentType;
  /** one post only */
  post?: number;
  search?: string;
  /** moderators only: WordPress refuses `author_email` to others */
  authorEmail?: string;
  /** comments written after / before this time (ISO 8601) */
  after?: string;
  before?: string;
}

export const jobFilterStatuses = commentStatuses;

/**
 * - running: the background works it through (also while it waits out a backoff or the site is
 *   offline: `waitingUntil`/`waitReason` say so);
 * - paused: by the user, or because the sign-in failed (`waitReason: 'needs-login'`) — resumed by
 *   the user or after the next sign-in;
 * - cancelled: stopped by the user; what was done stays done (and can be undone);
 * - done: nothing left that matched when the job started.
 */
export const jobStates = ['running', 'paused', 'cancelled', 'done'] as const;
export type JobState = (typeof jobStates)[number];

/** Why a running job is not moving right now. */
export type JobWaitReason = 'offline' | 'backoff' | 'rate-limited' | 'blocked' | 'needs-login';

/** How a chunk was sent: through the Freigabe Bridge (one request per chunk) or REST, one per comment. */
export type JobRoute = 'bridge' | 'rest';

/** One comment the job could not change, with WordPress's reason (kept for the report, at most 200). */
export interface JobFailure {
  commentId: number;
  code: string;
  message: string;
}

/** What the popup shows of a job's progress; the background keeps these up to date after each chunk. */
export interface JobProgress {
  /** X-WP-Total when the job started: the comments it set out to change */
  total: number;
  /** changed as asked */
  done: number;
  /** not changed because another moderator (or WordPress) had moved it meanwhile */
  skipped: number;
  /** WordPress refused (see `failures`) */
  failed: number;
  /** milliseconds the job has spent running (not paused, not waiting): for the rate and time left */
  activeMs: number;
}

/** The largest job a user may start at once (a flood of 190,000 is real; beyond it, start another). */
export const maxJobSize = 500_000;

/** Above this many, spamming through WordPress (Akismet reports each one, synchronously) is slow: say so, offer trash. */
export const akismetFloodThreshold = 500;

/** Comments per minute and the time left, from a job's progress (null: not enough measured yet). */
export function jobRate(progress: JobProgress): { perMinute: number; msLeft: number } | null {
  const handled = progress.done + progress.skipped + progress.failed;
  if (handled === 0 || progress.activeMs < 1000) return null;
  const perMs = handled / progress.activeMs;
  const left = Math.max(0, progress.total - handled);
  return { perMinute: Math.round(perMs * 60_000), msLeft: Math.round(left / perMs) };
}

/** The action that takes a finished job back, comment by comment (null: it cannot be undone). */
export function reverseJobAction(action: JobAction, fromStatus: CommentStatus): JobAction | null {
  return reverseOf(action, fromStatus) as JobAction | null;
}
