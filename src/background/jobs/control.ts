/**
 * Pause, resume and cancel. The requests already on the wire finish and are written; no request
 * more of the chunk starts (the chunk asks at most every 250 ms: outcomes.ts `runningCheck`). A paused
 * job's comments not yet sent wait, claimed, for the resume; a cancelled job keeps what it did, and
 * can be undone.
 */
import { t } from '../../shared/i18n.ts';
import type { JobState } from '../../shared/jobs.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';

export type JobCommand = 'pause' | 'resume' | 'cancel';

export async function controlJob(ctx: BackgroundContext, jobId: number, command: JobCommand): Promise<JobState> {
  const { db } = ctx;
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) throw new ReplyError('unknown_job', t('jobUnknown'));
    if (job.state === 'done' || job.state === 'cancelled') {
      if (command === 'cancel') return job.state;
      throw new ReplyError('job_ended', t('jobAlreadyEnded'));
    }
    const now = ctx.now();
    if (command === 'pause' && job.state === 'running') {
      await db.jobs.update(jobId, { state: 'paused', waitingUntil: null, waitReason: null, updatedAt: now });
      return 'paused';
    }
    if (command === 'resume' && job.state === 'paused') {
      // Also after a sign-in pause: the user says go on (a sign-in that still fails pauses it again).
      await db.jobs.update(jobId, { state: 'running', waitingUntil: null, waitReason: null, updatedAt: now });
      return 'running';
    }
    if (command === 'cancel') {
      await db.jobs.update(jobId, {
        state: 'cancelled',
        waitingUntil: null,
        waitReason: null,
        finishedAt: now,
        updatedAt: now,
      });
      return 'cancelled';
    }
    return job.state;
  });
}
