/** What the job strip, the sheet and the screen reader say about a job, in the UI language. */
import type { JobRow } from '../../shared/db/index.ts';
import { type MessageKey, t, uiLanguage } from '../../shared/i18n.ts';
import type { JobWaitReason } from '../../shared/jobs.ts';
import { MessageError } from '../../shared/messages.ts';
import { actionLabelKeys } from '../actions/labels.ts';
import { formatDate, formatNumber } from '../format.ts';

let minutes: Intl.NumberFormat | null = null;
let hours: Intl.NumberFormat | null = null;

/** "4 minutes", "2.5 hours" (rounded: a time left is an estimate). */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return t('jobLessThanMinute');
  const inMinutes = Math.round(ms / 60_000);
  if (inMinutes < 90) {
    minutes ??= new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: 'minute', unitDisplay: 'long' });
    return minutes.format(inMinutes);
  }
  hours ??= new Intl.NumberFormat(uiLanguage(), {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  });
  return hours.format(Math.round(ms / 360_000) / 10);
}

export function jobHeading(job: Pick<JobRow, 'action' | 'progress' | 'undoOf'>, siteName: string): string {
  const count = formatNumber(job.progress.total);
  if (job.undoOf !== null) return t('jobUndoHeading', [count, siteName]);
  return t('jobHeading', [t(actionLabelKeys[job.action]), count, siteName]);
}

export function startedAnnouncement(job: Pick<JobRow, 'action' | 'progress' | 'undoOf'>, siteName: string): string {
  return t('jobStartedAnnounce', [jobHeading(job, siteName)]);
}

const waitKeys: Record<JobWaitReason, MessageKey> = {
  offline: 'jobWaitOffline',
  backoff: 'jobWaitBackoff',
  'rate-limited': 'jobWaitRateLimited',
  blocked: 'jobWaitBlocked',
  'needs-login': 'jobWaitNeedsLogin',
};

export function waitText(reason: JobWaitReason, until: number | null, siteName: string): string {
  const text = t(waitKeys[reason], [siteName]);
  return until === null ? text : `${text} ${t('jobNextTry', [formatDate(until)])}`;
}

/** What went wrong with a preview or a start, in plain words (WordPress's own only where there are none). */
export function jobProblem(error: unknown, siteName: string): string {
  const code = error instanceof MessageError ? error.code : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'no_reply':
      return t('jobProblemNoAnswer');
    case 'retryable':
    case 'offline':
      return t('jobProblemOffline', [siteName]);
    case 'auth':
    case 'needs-login':
    case 'rest_not_logged_in':
    case 'rest_cookie_invalid_nonce':
      return t('jobProblemNeedsLogin', [siteName]);
    case 'blocked':
      return t('jobProblemBlocked', [siteName]);
    case 'forbidden':
    case 'rest_forbidden':
    case 'rest_forbidden_context':
    case 'rest_forbidden_param':
      return t('jobProblemForbidden', [siteName, message]);
    default:
      // WordPress's own refusals (and the client's kinds) are quoted as the site's answer; the
      // background's own refusals (unknown_job, job_ended, nothing_matches, …) already say it all.
      return wordPressSaid(code) ? t('jobProblemOther', [siteName, message]) : message;
  }
}

/** The background words a few refusals of WordPress's kind itself, in the UI language (jobs/filter-check.ts). */
const backgroundWorded = new Set(['rest_forbidden_status', 'rest_forbidden_author_email']);
const clientKinds = new Set(['terminal', 'conflict', 'invalid-response', 'internal']);

const wordPressSaid = (code: string): boolean =>
  clientKinds.has(code) || ((code.startsWith('rest_') || code.startsWith('wp_')) && !backgroundWorded.has(code));

export function finishedAnnouncement(job: JobRow): string {
  const { done, skipped, failed } = job.progress;
  if (job.state === 'cancelled') return t('jobCancelledAnnounce', [formatNumber(done)]);
  return t('jobFinishedAnnounce', [formatNumber(done), formatNumber(skipped), formatNumber(failed)]);
}
