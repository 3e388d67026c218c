/**
 * Bulk jobs in the storm (issue 13): on each site, one post's comments belong to jobs only (the
 * driver leaves them alone). One job at a time per site, through the extension's own messages:
 * preview, start over everything the post has in one status, then now and then pause, resume or
 * cancel; the next job starts from where the last one left the comments. Each message is a ledger line.
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
  /** starts a job when none runs, or steers the one that does (pause, resume, cancel), or waits */
  step(): Promise<void>;
  /** at the end: paused jobs resumed (the user would), so each can finish */
  resumeAll(): Promise<void>;
  /** the site's jobs, as the extension has them */
  jobs(): Promise<JobRow[]>;
}

export function createJobDriver(browser: SoakBrowser, site: SoakSite, ledger: Ledger, random: Random): JobDriver {
  /** where the job post's comments are (once a job is done or cancelled: a cancelled one leaves some behind) */
  let from: CommentStatus = 'hold';
  let current: number | null = null;

  const write = (action: string, jobId: number | null, result: string | null, note?: string) =>
    ledger.write({ kind: 'job', site: site.name, at: Date.now(), action, jobId, result, ...(note ? { note } : {}) });

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
      from = next.to;
    }
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
    async resumeAll() {
      for (const job of await jobs()) if (job.state === 'paused') await control(job.id ?? 0, 'resume');
    },
    jobs,
  };
}
