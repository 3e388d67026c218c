/**
 * A stand-in for the background's job engine behind the real messages (previewJob, startJob,
 * controlJob, undoJob): it answers previews as told and writes job rows to the test database the
 * way the engine's contract says (JobRow in shared/db/rows.ts), so the popup reads them like real
 * ones. Progress is written by the test, as the engine would after each chunk.
 */

import { ReplyError } from '../../src/background/reply-error.ts';
import type { PageHandlers } from '../../src/background/router.ts';
import type { FreigabeDb, JobRow } from '../../src/shared/db/index.ts';
import type { JobPreview } from '../../src/shared/messages.ts';

export interface FakeJobEngine {
  handlers: Pick<PageHandlers, 'previewJob' | 'startJob' | 'controlJob' | 'undoJob'>;
  /** what the next previews answer (a ReplyError: refused with its code) */
  preview: JobPreview | ReplyError;
  /** what startJob answers instead of starting (a ReplyError) */
  refuseStart: ReplyError | null;
  /** what controlJob answers instead (a ReplyError) */
  refuseControl: ReplyError | null;
}

export function jobRowOf(overrides: Partial<JobRow> & Pick<JobRow, 'siteId'>): JobRow {
  return {
    filter: { status: 'hold', type: 'all' },
    action: 'trash',
    state: 'running',
    waitingUntil: null,
    waitReason: null,
    progress: { total: 0, done: 0, skipped: 0, failed: 0, activeMs: 0 },
    failures: [],
    route: 'rest',
    createdAt: Date.now(),
    updatedAt: Date.now(),
    finishedAt: null,
    undoOf: null,
    undoneBy: null,
    cursor: null,
    ...overrides,
  };
}

export function fakeJobEngine(db: () => FreigabeDb): FakeJobEngine {
  const engine: FakeJobEngine = {
    preview: { total: 0, first: [], route: 'rest' },
    refuseStart: null,
    refuseControl: null,
    handlers: {
      previewJob: async () => {
        if (engine.preview instanceof ReplyError) throw engine.preview;
        return engine.preview;
      },
      startJob: async (_ctx, request) => {
        if (engine.refuseStart) throw engine.refuseStart;
        const jobId = await db().jobs.add(
          jobRowOf({
            siteId: request.siteId,
            filter: request.filter,
            action: request.action,
            progress: { total: request.expectedTotal, done: 0, skipped: 0, failed: 0, activeMs: 0 },
          }),
        );
        return { jobId };
      },
      controlJob: async (_ctx, request) => {
        if (engine.refuseControl) throw engine.refuseControl;
        const state = request.command === 'pause' ? 'paused' : request.command === 'resume' ? 'running' : 'cancelled';
        await db().jobs.update(request.jobId, {
          state,
          waitReason: null,
          finishedAt: state === 'cancelled' ? Date.now() : null,
        });
        return { state };
      },
      undoJob: async (_ctx, request) => {
        const job = await db().jobs.get(request.jobId);
        if (!job) throw new ReplyError('not_found', 'No such job.');
        const jobId = await db().jobs.add(
          jobRowOf({
            siteId: job.siteId,
            filter: job.filter,
            action: 'untrash',
            undoOf: request.jobId,
            progress: { total: job.progress.done, done: 0, skipped: 0, failed: 0, activeMs: 0 },
          }),
        );
        await db().jobs.update(request.jobId, { undoneBy: jobId });
        return { jobId };
      },
    },
  };
  return engine;
}
