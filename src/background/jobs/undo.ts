/**
 * Undo of a finished or cancelled job: a new job over the comments it changed (its chunks' `done`
 * ids) with the reverse action, each taken back only while it is still where the job left it.
 * Not after delete permanently. The new job runs like any other (pause, cancel, survives restarts).
 */
import type { JobRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { reverseJobAction } from '../../shared/jobs.ts';
import type { BackgroundContext } from '../context.ts';
import { ReplyError } from '../reply-error.ts';
import { bridgeOfSite } from './bridge-of-site.ts';
import { newCursor } from './cursor.ts';
import { restStreamsOf } from './filter-check.ts';

export async function undoJob(ctx: BackgroundContext, jobId: number): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', db.jobs, db.sites, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) throw new ReplyError('unknown_job', t('jobUnknown'));
    if (job.state !== 'done' && job.state !== 'cancelled')
      throw new ReplyError('job_running', t('jobUndoWhileRunning'));
    if (job.undoneBy !== null) throw new ReplyError('job_undone', t('jobAlreadyUndone', [String(job.undoneBy)]));
    const action = reverseJobAction(job.action, job.filter.status);
    if (action === null) throw new ReplyError('cannot_undo', t('jobCannotUndoDelete'));
    const site = await db.sites.get(job.siteId);
    if (!site) throw new ReplyError('site_not_connected', 'This site is not connected.');
    const route = bridgeOfSite(site) ? 'bridge' : 'rest';
    const now = ctx.now();
    const row: JobRow = {
      siteId: job.siteId,
      // What the job left: the popup shows the undo job as acting on these.
      filter: { ...job.filter },
      action,
      state: 'running',
      waitingUntil: null,
      waitReason: null,
      progress: { total: job.progress.done, done: 0, skipped: 0, failed: 0, activeMs: 0 },
      failures: [],
      route,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
      undoOf: job.id ?? null,
      undoneBy: null,
      cursor: { ...newCursor(route, 0, restStreamsOf(job.filter)), undo: { jobId, seq: 0 } },
    };
    const undoId = await db.jobs.add(row);
    await db.jobs.update(jobId, { undoneBy: undoId, updatedAt: now });
    return undoId;
  });
}
