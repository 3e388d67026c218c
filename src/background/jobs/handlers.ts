/** What the background does for the bulk-job messages (shared/jobs.ts). */

import type { PageHandlers } from '../router.ts';
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
    const state = await controlJob(ctx, request.jobId, request.command);
    if (state === 'running') void runJobsAndReschedule(ctx);
    else await scheduleJobs(ctx);
    return { state };
  },
  async undoJob(ctx, request) {
    const jobId = await undoJob(ctx, request.jobId);
    void runJobsAndReschedule(ctx);
    return { jobId };
  },
};
