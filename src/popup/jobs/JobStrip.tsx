/**
 * The bulk jobs of every site, read live from the jobs table the background writes after each
 * chunk. It reads its own rows, so a progress write redraws this strip only, never the queue; it
 * survives closing the popup because the table is the truth. A job starting or finishing while
 * the popup is open is announced to screen readers.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '../../shared/browser.ts';
import type { FreigabeDb, JobRow, PostRow, SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { sendToBackground } from '../../shared/messages.ts';
import { pure } from '../../shared/ui/pure.ts';
import { useLiveQuery } from '../../shared/ui/use-live-query.ts';
import { readDismissed, saveDismissed } from './dismissed.ts';
import { JobCard } from './JobCard.tsx';
import { finishedAnnouncement, jobProblem, startedAnnouncement } from './job-text.ts';
import { isFinished, type JobControl, shownJobs } from './job-view.ts';

interface Props {
  db: FreigabeDb;
  sites: ReadonlyMap<string, SiteRow>;
  posts: ReadonlyMap<string, PostRow>;
  announce: (text: string) => void;
}

const none: JobRow[] = [];

/**
 * What to announce about the jobs now, given their states when last seen (null: the first read,
 * nothing): an undo job that appeared (the sheet announces the jobs it starts), a job that finished.
 */
export function jobAnnouncements(
  jobs: readonly JobRow[],
  seen: ReadonlyMap<number, JobRow['state']> | null,
  siteName: (siteId: string) => string,
): string[] {
  if (seen === null) return [];
  const texts: string[] = [];
  for (const job of jobs) {
    const before = seen.get(job.id ?? -1);
    if (before === undefined && !isFinished(job) && job.undoOf !== null)
      texts.push(startedAnnouncement(job, siteName(job.siteId)));
    else if (before !== undefined && !isFinished({ ...job, state: before }) && isFinished(job))
      texts.push(finishedAnnouncement(job));
  }
  return texts;
}

function JobStripView({ db, sites, posts, announce }: Props) {
  const result = useLiveQuery(() => db.jobs.toArray(), [db]);
  const jobs = result.state === 'ready' ? result.value : none;
  const [dismissed, setDismissed] = useState(readDismissed);
  const [problems, setProblems] = useState<ReadonlyMap<number, string>>(new Map());
  const siteName = useCallback((siteId: string) => sites.get(siteId)?.name ?? siteId, [sites]);

  const seen = useRef<Map<number, JobRow['state']> | null>(null);
  useEffect(() => {
    if (result.state !== 'ready') return;
    const texts = jobAnnouncements(jobs, seen.current, siteName);
    if (texts.length > 0) announce(texts.join(' '));
    seen.current = new Map(jobs.map((job) => [job.id ?? -1, job.state]));
  }, [jobs, result.state, siteName, announce]);

  const report = useCallback((jobId: number, problem: string | null) => {
    setProblems((last) => {
      if (problem === null && !last.has(jobId)) return last;
      const next = new Map(last);
      if (problem === null) next.delete(jobId);
      else next.set(jobId, problem);
      return next;
    });
  }, []);
  // The newest rows, read when a button is pressed: the buttons' handlers stay the same across progress writes.
  const latest = useRef(jobs);
  latest.current = jobs;
  const siteOf = useCallback((jobId: number) => latest.current.find((job) => job.id === jobId)?.siteId ?? '', []);
  const onControl = useCallback(
    (jobId: number, command: JobControl) => {
      report(jobId, null);
      sendToBackground({ type: 'controlJob', jobId, command }).catch((error: unknown) =>
        report(jobId, jobProblem(error, siteName(siteOf(jobId)))),
      );
    },
    [report, siteName, siteOf],
  );
  const onUndo = useCallback(
    (jobId: number) => {
      report(jobId, null);
      sendToBackground({ type: 'undoJob', jobId }).catch((error: unknown) =>
        report(jobId, jobProblem(error, siteName(siteOf(jobId)))),
      );
    },
    [report, siteName, siteOf],
  );
  const onDismiss = useCallback((jobId: number) => {
    setDismissed((last) => {
      const next = new Set(last).add(jobId);
      saveDismissed(next);
      return next;
    });
  }, []);
  const onSignIn = useCallback(() => void browser.runtime.openOptionsPage(), []);

  const shown = useMemo(() => shownJobs(jobs, dismissed, Date.now()), [jobs, dismissed]);
  if (shown.length === 0) return null;
  return (
    <section class="jobs" aria-label={t('jobsLabel')}>
      <ul class="job-list">
        {shown.map((job) => (
          <JobCard
            key={job.id}
            job={job}
            siteName={siteName(job.siteId)}
            posts={posts}
            problem={problems.get(job.id ?? -1) ?? null}
            onControl={onControl}
            onUndo={onUndo}
            onDismiss={onDismiss}
            onSignIn={onSignIn}
          />
        ))}
      </ul>
    </section>
  );
}

export const JobStrip = pure(JobStripView);
