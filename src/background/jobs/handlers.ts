/** What the background does for the bulk-job messages (shared/jobs.ts). */

import { reportError } from '../../shared/report-error.ts';
import type { PageHandlers } from '../router.ts';
import { syncAfterJobs } from '../sync/schedule.ts';
import { controlJob } from './control.ts';
import { createJob } from './create.ts';
import { previewJob } from './preview.ts';
import { runJobsAndReschedule, scheduleJobs } from './schedule.ts';
import { undoJob } from './undo.ts';

type JobHandlers = Pick<PageHandlers, 'previewJob' | 'startJob' | 'controlJob' | 'undoJob'>;

export const jobHandlers: JobHandlers = {
  previewJob: (ctx, request) => previewJob(ctx, request),
  async startJob(ctx, request) {
    const jobId = await createJob(ctx, request);
    void runJobsAndReschedule(ctx);
    return { jobId };
  },
  async controlJob(ctx, request) {
    const before = ctx.now();
    const state = await controlJob(ctx, request.jobId, request.command);
    if (state === 'running') void runJobsAndReschedule(ctx);
    else {
      await scheduleJobs(ctx);
      // Paused or cancelled while it waited (no run to end): the queue it held back is read now.
      void syncAfterJobs(ctx, before).catch((error: unknown) =>
        reportError(error, { where: 'background: sync after a paused job', silent: true }),
      );
    }
    return { state };
  },
  async undoJob(ctx, request) {
    const jobId = await undoJob(ctx, request.jobId);
    void runJobsAndReschedule(ctx);
    return { jobId };
  },
};
