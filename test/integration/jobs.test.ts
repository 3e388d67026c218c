/**
 * Bulk jobs against the real WordPress, without the Bridge (one REST request per comment): the
 * preview, every action, exactly-once across a worker that stops mid-chunk, another moderator's
 * changes mid-job, the user's own open decision, pause / resume / cancel, undo, commenter data kept.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addComments } from '../../scripts/wp/index.ts';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { changesPerComment, readLedger } from '../../scripts/wp/status-ledger.ts';
import { controlJob } from '../../src/background/jobs/control.ts';
import { createJob } from '../../src/background/jobs/create.ts';
import { previewJob } from '../../src/background/jobs/preview.ts';
import { runJobs } from '../../src/background/jobs/run.ts';
import { undoJob } from '../../src/background/jobs/undo.ts';
import { memoryLocks } from '../../src/background/locks.ts';
import { decide } from '../../src/background/outbox/decide.ts';
import { toCommentRow } from '../../src/background/sync/cache-write.ts';
import { FreigabeDb } from '../../src/shared/db/index.ts';
import type { JobAction, JobFilter } from '../../src/shared/jobs.ts';
import { createWpClient } from '../../src/shared/wp/client.ts';
import { testContext } from '../support/background-context.ts';
import { countingFetch, jobSite, runUntilSettled } from '../support/job-site.ts';
import { basicAuth, commentTotal, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const setupSite = { url: wp.url, dir: inject('wpDir') };
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

async function flood(count: number, status: 'hold' | 'approved' | 'spam' | 'trash' = 'hold') {
  const title = `Flut ${Math.random().toString(36).slice(2, 7)}`;
  const post = await admin.createPost({ title });
  const added = await addComments(setupSite, post, count, status);
  const ids = Array.from({ length: count }, (_, index) => added.first + index);
  return { post, title, ids };
}

const restStatus = { hold: 'hold', approved: 'approve', spam: 'spam', trash: 'trash' } as const;
const countOn = (post: number, status: keyof typeof restStatus) =>
  commentTotal(wp, user(wp, 'admin'), { post: String(post), status: restStatus[status], type: 'comment' });

async function setStatusAsAdmin(id: number, status: string): Promise<void> {
  const response = await fetch(`${wp.url}/wp-json/wp/v2/comments/${id}`, {
    method: 'POST',
    headers: { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  if (!response.ok) throw new Error(`status change failed: HTTP ${response.status}`);
}

const filterOf = (post: number, status: JobFilter['status']): JobFilter => ({ status, type: 'all', post });

async function startAndRun(
  ctx: Parameters<typeof createJob>[0],
  siteId: string,
  filter: JobFilter,
  action: JobAction,
  expectedTotal: number,
) {
  const jobId = await createJob(ctx, { siteId, filter, action, expectedTotal });
  await runUntilSettled(ctx);
  const job = await ctx.db.jobs.get(jobId);
  if (!job) throw new Error('job vanished');
  return { jobId, job };
}

/** The server's own witness: how often WordPress changed each of these comments since `since`, and by whom. */
async function serverChanges(ids: readonly number[], since: number) {
  const entries = (await readLedger(wp, since)).filter((entry) => ids.includes(entry.comment));
  const perComment = changesPerComment(entries);
  return { counts: ids.map((id) => perComment.get(id) ?? 0), users: new Set(entries.map((entry) => entry.user)) };
}
const ledgerEnd = async () => (await readLedger(wp)).at(-1)?.id ?? 0;

beforeAll(async () => {
  await setScenarios(setupSite, ['status-ledger']);
});
afterAll(async () => {
  await setScenarios(setupSite, []);
});

describe('bulk jobs over REST', () => {
  it('previews a filter: WordPress’s count and the newest ten, with their post’s title', async () => {
    const { post, title, ids } = await flood(30);
    const { ctx, siteId } = await jobSite(wp, 'editor');
    const preview = await previewJob(ctx, { siteId, filter: filterOf(post, 'hold') });
    expect(preview.total).toBe(30);
    expect(preview.route).toBe('rest');
    expect(preview.first.map((row) => row.id)).toEqual(ids.slice(-10).reverse());
    expect(preview.first[0]?.postTitle).toBe(title);
    expect(preview.first[0]?.contentHtml).toContain('Kommentar Nummer 29');
    // Nothing but the post's title is cached: a preview is not a sync.
    expect(await ctx.db.comments.count()).toBe(0);
  });

  it('approves 300 pending comments, each changed exactly once, keeping the commenters’ IP and user agent', async () => {
    const { post, ids } = await flood(300);
    const since = await ledgerEnd();
    const counting = countingFetch();
    const { ctx, siteId } = await jobSite(wp, 'editor', { fetch: counting.fetch });
    // Two of them are cached: those follow; the others are not added to the cache.
    const cachedIds = [ids[3] ?? 0, ids[250] ?? 0];
    const editorClient = createWpClient({
      root: siteId,
      auth: {
        kind: 'application-password',
        username: user(wp, 'editor').login,
        password: user(wp, 'editor').applicationPassword,
      },
    });
    for (const id of cachedIds)
      await ctx.db.comments.put(toCommentRow(siteId, await editorClient.getComment(id, 'edit'), 1));
    const started = performance.now();
    const { job } = await startAndRun(ctx, siteId, filterOf(post, 'hold'), 'approve', 300);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `REST job: 300 approvals in ${seconds.toFixed(1)} s (${Math.round(300 / seconds)}/s), concurrency ended at ${(job.cursor as { concurrency: number }).concurrency}`,
    );
    expect(job.state).toBe('done');
    expect(job.progress).toMatchObject({ total: 300, done: 300, skipped: 0, failed: 0 });
    expect(await countOn(post, 'approved')).toBe(300);
    expect(await countOn(post, 'hold')).toBe(0);
    expect(ids.map((id) => counting.writes.get(id) ?? 0)).toEqual(ids.map(() => 1));
    const server = await serverChanges(ids, since);
    expect(server.counts).toEqual(ids.map(() => 1));
    expect([...server.users]).toEqual([user(wp, 'editor').id]);
    for (const id of [ids[0] ?? 0, ids[150] ?? 0, ids[299] ?? 0]) {
      const stored = await admin.read(id);
      expect(stored.author_ip).toMatch(/^198\.51\.100\.\d+$/);
      expect(stored.author_user_agent).toBe(firefox);
    }
    expect((await ctx.db.comments.bulkGet(cachedIds.map((id) => [siteId, id]))).map((row) => row?.status)).toEqual([
      'approved',
      'approved',
    ]);
    expect(await ctx.db.comments.count()).toBe(2);
    // The ledger holds the ids chunk by chunk, never more than a page each.
    const chunks = await ctx.db.jobChunks.toArray();
    expect(chunks.every((chunk) => chunk.state === 'answered' && chunk.ids.length <= 100)).toBe(true);
    expect(chunks.reduce((sum, chunk) => sum + chunk.ids.length, 0)).toBe(300);
  });

  it('a worker stopped mid-chunk: a new background on the same database finishes, every comment changed exactly once', async () => {
    const { post, ids } = await flood(250);
    const since = await ledgerEnd();
    const first = countingFetch();
    const reached: Promise<unknown>[] = [];
    let writes = 0;
    // After 120 writes the worker "dies": its requests still reach WordPress, their answers never arrive.
    const dying: typeof fetch = (input, init) => {
      const write = (init?.method ?? 'GET') !== 'GET';
      if (write) writes += 1;
      if (!write || writes <= 120) return first.fetch(input, init);
      const sent = first.fetch(input, init);
      reached.push(sent.catch(() => undefined));
      return sent.then(() => new Promise<Response>(() => undefined));
    };
    const { ctx, siteId } = await jobSite(wp, 'editor', { fetch: dying });
    const jobId = await createJob(ctx, { siteId, filter: filterOf(post, 'hold'), action: 'spam', expectedTotal: 250 });
    void runJobs(ctx);
    await expect.poll(() => reached.length, { timeout: 60_000 }).toBeGreaterThan(0);
    // Let the dying worker's last requests land (it can start no more: every place on the wire hangs).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await Promise.all(reached);
    expect(
      await ctx.db.jobChunks
        .where('jobId')
        .equals(jobId)
        .filter((chunk) => chunk.state === 'claimed')
        .count(),
    ).toBe(1);

    const second = countingFetch();
    const revived = testContext({ db: new FreigabeDb(ctx.db.name), locks: memoryLocks(), fetch: second.fetch });
    await runUntilSettled(revived);
    const job = await revived.db.jobs.get(jobId);
    expect(job?.state).toBe('done');
    expect(job?.progress).toMatchObject({ total: 250, done: 250, skipped: 0, failed: 0 });
    expect(await countOn(post, 'spam')).toBe(250);
    const total = (id: number) => (first.writes.get(id) ?? 0) + (second.writes.get(id) ?? 0);
    expect(ids.filter((id) => total(id) !== 1)).toEqual([]);
    expect((await serverChanges(ids, since)).counts).toEqual(ids.map(() => 1));
    // The new worker sent only what the stopped one had not.
    expect(second.writes.size).toBe(250 - first.writes.size);
  });

  it('another moderator’s changes mid-job are skipped, not overwritten; the user’s own open decision wins', async () => {
    const { post, ids } = await flood(220);
    const { ctx, siteId } = await jobSite(wp, 'editor');
    const editor = user(wp, 'editor');
    const client = createWpClient({
      root: siteId,
      auth: { kind: 'application-password', username: editor.login, password: editor.applicationPassword },
    });
    // The user decided about one comment before (still in its undo window): that decision will be sent, not the job's.
    const own = ids[20] ?? 0;
    await ctx.db.comments.put(toCommentRow(siteId, await client.getComment(own, 'edit'), 1));
    await decide(ctx, { siteId, commentIds: [own], decision: 'approve', undoWindowMs: 10 * 60_000 });
    const jobId = await createJob(ctx, { siteId, filter: filterOf(post, 'hold'), action: 'trash', expectedTotal: 220 });
    const elsewhere = ids.slice(-5);
    let moved = false;
    await runJobs(ctx, {
      afterChunk: async () => {
        if (moved) return;
        moved = true;
        // Another moderator approves five that the job has not reached yet.
        for (const id of elsewhere) await setStatusAsAdmin(id, 'approved');
        // And five new comments arrive: they were not there when the job started, so it leaves them.
        for (let count = 0; count < 5; count++) await admin.createComment(post, {});
      },
    });
    await runUntilSettled(ctx);
    const job = await ctx.db.jobs.get(jobId);
    expect(job?.state).toBe('done');
    expect(job?.progress).toMatchObject({ total: 220, done: 214, skipped: 6, failed: 0 });
    for (const id of elsewhere) expect((await admin.read(id)).status).toBe('approved');
    expect((await admin.read(own)).status).toBe('hold');
    expect((await ctx.db.comments.get([siteId, own]))?.status).toBe('approved');
    // The comments the job reached after it started (the extra ones created meanwhile have higher ids) are left.
    expect(await countOn(post, 'hold')).toBe(1 + 5);
  });

  it('every action, one after another, and undo — until "empty trash", which cannot be undone', async () => {
    const { post, ids } = await flood(40);
    const { ctx, siteId } = await jobSite(wp, 'editor');
    const steps: [JobFilter['status'], JobAction, keyof typeof restStatus][] = [
      ['hold', 'approve', 'approved'],
      ['approved', 'unapprove', 'hold'],
      ['hold', 'spam', 'spam'],
      ['spam', 'unspam', 'hold'],
      ['hold', 'trash', 'trash'],
      ['trash', 'untrash', 'hold'],
      ['hold', 'spam', 'spam'],
    ];
    for (const [from, action, to] of steps) {
      const { job } = await startAndRun(ctx, siteId, filterOf(post, from), action, 40);
      expect(job.progress, `${action}`).toMatchObject({ done: 40, skipped: 0, failed: 0 });
      expect(await countOn(post, to), `${action}`).toBe(40);
    }
    const spamJob = (await ctx.db.jobs.toArray()).at(-1);
    const undoId = await undoJob(ctx, spamJob?.id ?? 0);
    await runUntilSettled(ctx);
    expect((await ctx.db.jobs.get(undoId))?.progress).toMatchObject({ total: 40, done: 40, skipped: 0 });
    expect(await countOn(post, 'hold')).toBe(40);
    await expect(undoJob(ctx, spamJob?.id ?? 0)).rejects.toMatchObject({ code: 'job_undone' });
    const stored = await admin.read(ids[7] ?? 0);
    expect(stored.author_ip).toMatch(/^198\.51\.100\.\d+$/);
    expect(stored.author_user_agent).toBe(firefox);
    // "Empty trash": delete permanently what is in the trash.
    await startAndRun(ctx, siteId, filterOf(post, 'hold'), 'trash', 40);
    const { jobId, job } = await startAndRun(ctx, siteId, filterOf(post, 'trash'), 'delete', 40);
    expect(job.progress).toMatchObject({ done: 40, skipped: 0, failed: 0 });
    for (const status of ['hold', 'approved', 'spam', 'trash'] as const) expect(await countOn(post, status)).toBe(0);
    expect(await admin.exists(ids[0] ?? 0)).toBe(false);
    await expect(undoJob(ctx, jobId)).rejects.toMatchObject({ code: 'cannot_undo' });
  }, 240_000);

  it('pause, resume and cancel; a cancelled job is undone comment by comment', async () => {
    const { post } = await flood(300);
    const { ctx, siteId } = await jobSite(wp, 'editor');
    const jobId = await createJob(ctx, {
      siteId,
      filter: filterOf(post, 'hold'),
      action: 'approve',
      expectedTotal: 300,
    });
    let paused = false;
    await runJobs(ctx, {
      afterChunk: async () => {
        if (!paused) await controlJob(ctx, jobId, 'pause');
        paused = true;
      },
    });
    const afterPause = await ctx.db.jobs.get(jobId);
    expect(afterPause?.state).toBe('paused');
    const donePaused = afterPause?.progress.done ?? 0;
    expect(donePaused).toBeGreaterThan(0);
    expect(donePaused).toBeLessThan(300);
    expect(await countOn(post, 'approved')).toBe(donePaused);
    // Paused: a run changes nothing.
    await runJobs(ctx);
    expect(await countOn(post, 'approved')).toBe(donePaused);
    expect(await controlJob(ctx, jobId, 'resume')).toBe('running');
    let cancelled = false;
    await runJobs(ctx, {
      afterChunk: async () => {
        if (!cancelled) await controlJob(ctx, jobId, 'cancel');
        cancelled = true;
      },
    });
    const job = await ctx.db.jobs.get(jobId);
    expect(job?.state).toBe('cancelled');
    expect(job?.progress.done).toBeGreaterThan(donePaused);
    expect(await countOn(post, 'approved')).toBe(job?.progress.done);
    await expect(controlJob(ctx, jobId, 'resume')).rejects.toMatchObject({ code: 'job_ended' });
    await undoJob(ctx, jobId);
    await runUntilSettled(ctx);
    expect(await countOn(post, 'approved')).toBe(0);
    expect(await countOn(post, 'hold')).toBe(300);
  }, 240_000);

  it('an author is told why WordPress refuses spam, trash and email filters to them — before anything is asked', async () => {
    const counting = countingFetch();
    const { ctx, siteId } = await jobSite(wp, 'author', { fetch: counting.fetch });
    await expect(previewJob(ctx, { siteId, filter: { status: 'spam', type: 'all' } })).rejects.toMatchObject({
      code: 'rest_forbidden_status',
      message: expect.stringContaining('editors and administrators'),
    });
    await expect(
      createJob(ctx, { siteId, filter: { status: 'trash', type: 'all' }, action: 'delete', expectedTotal: 1 }),
    ).rejects.toMatchObject({ code: 'rest_forbidden_status' });
    await expect(
      previewJob(ctx, { siteId, filter: { status: 'hold', type: 'all', authorEmail: 'a@example.org' } }),
    ).rejects.toMatchObject({ code: 'rest_forbidden_author_email' });
    expect(counting.writes.size).toBe(0);
  });

  it('refuses a job that would change nothing, or that grew far past its preview', async () => {
    const { post } = await flood(80);
    const { ctx, siteId } = await jobSite(wp, 'editor');
    await expect(
      createJob(ctx, { siteId, filter: filterOf(post, 'hold'), action: 'unapprove', expectedTotal: 80 }),
    ).rejects.toMatchObject({ code: 'nothing_to_do' });
    await expect(
      createJob(ctx, { siteId, filter: filterOf(post, 'hold'), action: 'approve', expectedTotal: 10 }),
    ).rejects.toMatchObject({ code: 'more_than_previewed', message: expect.stringContaining('80') });
    expect(await ctx.db.jobs.count()).toBe(0);
  });

  it('a selection of every type leaves out editor notes (REST’s type=all lists them since WordPress 6.9)', async () => {
    const { ctx, siteId } = await jobSite(wp, 'editor');
    const preview = await previewJob(ctx, { siteId, filter: { status: 'approved', type: 'all' } });
    const total = (type: string) => commentTotal(wp, user(wp, 'admin'), { status: 'approve', type });
    const [comments, pings, everything] = await Promise.all([total('comment'), total('pings'), total('all')]);
    expect(preview.total).toBe(comments + pings);
    if (Object.keys(wp.notes).length > 0) expect(everything).toBeGreaterThan(comments + pings);
    expect(preview.first.every((comment) => comment.status === 'approved')).toBe(true);
  });
});
