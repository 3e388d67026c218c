/**
 * Bulk jobs in the storm (issue 13): on each site, one post's comments belong to jobs only (the
 * driver leaves them alone). One job at a time per site, through the extension's own messages:
 * preview, start over everything the post has in one status, then now and then pause, resume or
 * cancel; the next job starts from where the last one left the comments. A finished or cancelled job
 * is sometimes undone (issue 12: a new job that takes back what it changed), sometimes while a fault
 * is injected; the undo job is then the one steered, and the next starts where the undone one began.
 * Each message is a ledger line.
 */
import type { JobRow } from '../../src/shared/db/index.ts';
import type { JobAction } from '../../src/shared/jobs.ts';
import type { CommentStatus } from '../../src/shared/moderation.ts';
import { readRows, type SoakBrowser, send } from './browser.ts';
import type { Ledger } from './ledger.ts';
import type { Random } from './random.ts';
import type { SoakSite } from './sites.ts';

/** From the status the job post's comments are in, the actions a job may take (and where they go). */
const nextJobs: Record<CommentStatus, { action: JobAction; to: CommentStatus }[]> = {
  hold: [
    { action: 'approve', to: 'approved' },
    { action: 'spam', to: 'spam' },
    { action: 'trash', to: 'trash' },
  ],
  approved: [{ action: 'unapprove', to: 'hold' }],
  spam: [{ action: 'unspam', to: 'hold' }],
  trash: [{ action: 'untrash', to: 'hold' }],
};

export interface JobDriver {
  /** starts a job when none runs (or undoes the last), or steers the one that does (pause, resume, cancel), or waits */
  step(): Promise<void>;
  /** sometimes undoes the finished job while a fault is injected (never rejects) */
  alongsideFault(): Promise<void>;
  /** at the end: paused jobs resumed (the user would), so each can finish */
  resumeAll(): Promise<void>;
  /** the site's jobs, as the extension has them */
  jobs(): Promise<JobRow[]>;
}

export function createJobDriver(browser: SoakBrowser, site: SoakSite, ledger: Ledger, random: Random): JobDriver {
  /** where the job post's comments are (once a job is done or cancelled: a cancelled one leaves some behind) */
  let from: CommentStatus = 'hold';
  let current: number | null = null;
  /** each job's status it moved the comments from: where its undo brings them back */
  const origins = new Map<number, CommentStatus>();

  const write = (action: string, jobId: number | null, result: string | null, more: { undoOf?: number } = {}) =>
    ledger.write({ kind: 'job', site: site.name, at: Date.now(), action, jobId, result, ...more });

  const jobs = async () => (await readRows<JobRow>(browser, 'jobs')).filter((job) => job.siteId === site.siteId);

  const start = async () => {
    const filter = { status: from, type: 'all', post: site.jobPost };
    const preview = await send<{ total: number }>(browser, { type: 'previewJob', siteId: site.siteId, filter });
    if (!preview.ok || preview.value.total === 0) {
      write('preview', null, preview.ok ? 'nothing' : preview.error.code);
      // Nothing there (a cancelled job left them elsewhere): look in another status next time.
      if (preview.ok) from = random.pick(Object.keys(nextJobs) as CommentStatus[]);
      return;
    }
    const next = random.pick(nextJobs[from]);
    const started = await send<{ jobId: number }>(browser, {
      type: 'startJob',
      siteId: site.siteId,
      filter,
      action: next.action,
      expectedTotal: preview.value.total,
    });
    write(
      `start ${next.action} of ${preview.value.total} ${from}`,
      started.ok ? started.value.jobId : null,
      started.ok ? 'running' : started.error.code,
    );
    if (started.ok) {
      current = started.value.jobId;
      origins.set(current, from);
      from = next.to;
    }
  };

  /** A finished job (not itself an undo) the user may take back. */
  const undoable = (job: JobRow | undefined): job is JobRow & { id: number } =>
    job !== undefined &&
    (job.state === 'done' || job.state === 'cancelled') &&
    job.undoOf === null &&
    job.undoneBy === null &&
    job.action !== 'delete';

  const undo = async (job: JobRow & { id: number }) => {
    const reply = await send<{ jobId: number }>(browser, { type: 'undoJob', jobId: job.id }, 15_000).catch(
      (error: unknown) => ({ ok: false as const, error: { code: 'no_reply', message: String(error) } }),
    );
    // An answer lost to a fault: the jobs table says whether the undo job was made.
    const undoId = reply.ok
      ? reply.value.jobId
      : ((await jobs().catch(() => [])).find((one) => one.undoOf === job.id)?.id ?? null);
    write(`undo of job ${job.id}`, undoId, reply.ok ? 'running' : reply.error.code, { undoOf: job.id });
    if (undoId === null) return;
    current = undoId;
    // What it changed goes back where it was; a cancelled job had left the rest there.
    from = origins.get(job.id) ?? from;
  };

  const control = async (jobId: number, command: 'pause' | 'resume' | 'cancel') => {
    const reply = await send<{ state: string }>(browser, { type: 'controlJob', jobId, command });
    write(command, jobId, reply.ok ? reply.value.state : reply.error.code);
  };

  return {
    async step() {
      const job = current === null ? undefined : (await jobs()).find((one) => one.id === current);
      if (!job || job.state === 'done' || job.state === 'cancelled') {
        current = null;
        if (undoable(job) && random.chance(0.3)) return undo(job);
        // A cancelled job leaves part of the comments where they were: the next preview finds out.
        if (job?.state === 'cancelled') from = random.pick(Object.keys(nextJobs) as CommentStatus[]);
        if (random.chance(0.5)) await start();
        return;
      }
      const what = random.weighted({
        wait: 70,
        pause: job.state === 'running' ? 12 : 0,
        resume: job.state === 'paused' ? 25 : 0,
        cancel: 4,
      });
      if (what !== 'wait') await control(job.id ?? 0, what);
    },
    async alongsideFault() {
      if (current === null || !random.chance(0.4)) return;
      const job = (await jobs().catch(() => [])).find((one) => one.id === current);
      if (undoable(job)) await undo(job).catch(() => undefined);
    },
    async resumeAll() {
      for (const job of await jobs()) if (job.state === 'paused') await control(job.id ?? 0, 'resume');
    },
    jobs,
  };
}
