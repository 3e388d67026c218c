/** What the background does for the bulk-job messages (shared/jobs.ts). */

import { ReplyError } from '../reply-error.ts';
import type { PageHandlers } from '../router.ts';

type JobHandlers = Pick<PageHandlers, 'previewJob' | 'startJob' | 'controlJob' | 'undoJob'>;

// Contract only: the job engine (issue 12) fills these in.
const notYet = (): never => {
  throw new ReplyError('not_available', 'Bulk jobs are not available in this build.');
};

export const jobHandlers: JobHandlers = {
  previewJob: async () => notYet(),
  startJob: async () => notYet(),
  controlJob: async () => notYet(),
  undoJob: async () => notYet(),
};
