/**
 * One job in the strip: what it does, how far it is (count, rate, time left), why it waits and what
 * the user can do about it, pause/resume/cancel; once finished its report, Undo where WordPress can
 * reverse it, and Dismiss.
 */
import type { JobRow, PostRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { pure } from '../../shared/ui/pure.ts';
import { formatNumber } from '../format.ts';
import { describeFilter } from './describe-filter.ts';
import { JobReport } from './JobReport.tsx';
import { formatDuration, jobHeading, waitText } from './job-text.ts';
import { canUndo, controlsOf, fractionOf, handledOf, isFinished, type JobControl, rateOf, waitOf } from './job-view.ts';

export interface JobCardProps {
  job: JobRow;
  siteName: string;
  posts: ReadonlyMap<string, PostRow>;
  /** what the last control or undo could not do, in plain words */
  problem: string | null;
  onControl: (jobId: number, command: JobControl) => void;
  onUndo: (jobId: number) => void;
  onDismiss: (jobId: number) => void;
  onSignIn: () => void;
}

const controlLabels = { pause: 'jobPause', resume: 'jobResume', cancel: 'jobCancel' } as const;

function stateLine(job: JobRow, siteName: string): string | null {
  const wait = waitOf(job, Date.now());
  if (wait) return waitText(wait.reason, wait.until, siteName);
  if (job.state === 'paused') return t('jobStatePaused');
  if (job.state === 'cancelled') return t('jobStateCancelled');
  if (job.state === 'done') return t('jobStateDone');
  return null;
}

function JobCardView({ job, siteName, posts, problem, onControl, onUndo, onDismiss, onSignIn }: JobCardProps) {
  const id = job.id ?? 0;
  const finished = isFinished(job);
  const rate = rateOf(job);
  const state = stateLine(job, siteName);
  const headingId = `job-${id}`;
  const progress = [t('jobProgress', [formatNumber(handledOf(job)), formatNumber(job.progress.total)])];
  if (rate)
    progress.push(t('jobRate', [formatNumber(rate.perMinute)]), t('jobTimeLeft', [formatDuration(rate.msLeft)]));
  return (
    <li
      class={`job job-${job.state}${job.waitReason ? ' job-waiting' : ''}`}
      data-job-id={id}
      data-state={job.state}
      aria-labelledby={headingId}
    >
      <p class="job-heading" id={headingId}>
        <strong>{jobHeading(job, siteName)}</strong>
      </p>
      <p class="job-filter-line">
        <bdi>{describeFilter(job.filter, job.siteId, posts).join(' · ')}</bdi>
      </p>
      {/* Once finished, the report says what happened. */}
      {!finished && (
        <>
          <progress
            class="job-bar"
            max={1000}
            value={Math.round(fractionOf(job) * 1000)}
            aria-label={t('jobProgressLabel')}
            aria-valuetext={progress[0]}
          />
          <p class="job-progress">{progress.join(' · ')}</p>
        </>
      )}
      {state && <p class={`job-state${job.waitReason ? ` job-wait job-wait-${job.waitReason}` : ''}`}>{state}</p>}
      {finished && <JobReport job={job} />}
      {finished && job.action === 'delete' && <p class="job-note">{t('jobNoUndoDelete')}</p>}
      {finished && job.undoneBy !== null && <p class="job-note">{t('jobUndone')}</p>}
      {problem && (
        <p class="job-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="job-buttons">
        {job.waitReason === 'needs-login' && (
          <button type="button" class="small" onClick={onSignIn}>
            {t('signInAgain')}
          </button>
        )}
        {controlsOf(job).map((command) => (
          <button
            key={command}
            type="button"
            class={command === 'resume' ? 'small' : 'small secondary'}
            data-job-control={command}
            onClick={() => onControl(id, command)}
          >
            {t(controlLabels[command])}
          </button>
        ))}
        {canUndo(job) && (
          <button type="button" class="small secondary" data-job-control="undo" onClick={() => onUndo(id)}>
            {t('undo')}
          </button>
        )}
        {finished && (
          <button type="button" class="small secondary" data-job-control="dismiss" onClick={() => onDismiss(id)}>
            {t('dismiss')}
          </button>
        )}
      </div>
    </li>
  );
}

export const JobCard = pure(JobCardView);
