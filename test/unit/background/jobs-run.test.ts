/**
 * The job runner against a fake WordPress: exactly once across a worker stopped mid-chunk, pause /
 * resume / cancel between chunks, a failed sign-in pauses and the next sign-in resumes, offline and
 * rate-limited waits, the selection's offset hint correcting itself, the cache and the badge.
 */
import { describe, expect, it } from 'vitest';
import { updateBadges } from '../../../src/background/badge.ts';
import type { BackgroundContext } from '../../../src/background/context.ts';
import { controlJob } from '../../../src/background/jobs/control.ts';
import { createJob } from '../../../src/background/jobs/create.ts';
import { resumeAfterSignIn } from '../../../src/background/jobs/schedule.ts';
import { workOneChunk } from '../../../src/background/jobs/step.ts';
import { memoryLocks } from '../../../src/background/locks.ts';
import { FreigabeDb } from '../../../src/shared/db/index.ts';
import type { JobFilter } from '../../../src/shared/jobs.ts';
import { testContext } from '../../support/background-context.ts';
import { connectedSite, pendingComments, siteId } from '../../support/connected-site.ts';
import { badges } from '../../support/fake-browser.ts';
import { runOnce } from '../../support/job-runner.ts';

const pending: JobFilter = { status: 'hold', type: 'all' };

async function arranged(count: number) {
  const comments = pendingComments(count);
  const { ctx, wordpress, clock } = await connectedSite(comments, { locks: memoryLocks() });
  const writesOf = (id: number) => wordpress.writes.filter((write) => write.id === id).length;
  return { ctx, wordpress, clock, comments, writesOf };
}

/** Another context on the same database (a second worker, or one whose requests the test watches). */
const sameDatabase = (ctx: BackgroundContext, fetch: typeof globalThis.fetch) =>
  testContext({ db: ctx.db, now: ctx.now, locks: memoryLocks(), fetch });

/**
 * A worker on the same database that "dies" after `writesBefore` writes: every later write hangs for
 * good — after reaching WordPress when `reaching` (its answer lost), else before. `writes()` counts them.
 */
function dyingWorker(
  { ctx, wordpress }: Awaited<ReturnType<typeof arranged>>,
  writesBefore: number,
  reaching: boolean,
) {
  let writes = 0;
  const worker = sameDatabase(ctx, async (input, init) => {
    const write = (init?.method ?? 'GET') !== 'GET';
    if (!write || ++writes <= writesBefore) return wordpress.fetch(input, init);
    if (reaching) await wordpress.fetch(input, init);
    return new Promise<Response>(() => undefined);
  });
  return { worker, writes: () => writes };
}

describe('the job runner', () => {
  it('a worker stopped mid-chunk: the next one re-reads the claimed comments and sends each exactly once', async () => {
    const site = await arranged(250);
    const { ctx, wordpress, clock, comments, writesOf } = site;
    // Its writes reach WordPress; the worker is gone before the answers arrive.
    const dying = dyingWorker(site, 130, true);
    const jobId = await createJob(dying.worker, { siteId, filter: pending, action: 'spam', expectedTotal: 250 });
    void runOnce(dying.worker, clock);
    await expect.poll(dying.writes).toBeGreaterThan(131);
    expect(await ctx.db.jobChunks.filter((chunk) => chunk.state === 'claimed').count()).toBe(1);
    const revived = testContext({
      db: new FreigabeDb(ctx.db.name),
      now: ctx.now,
      locks: memoryLocks(),
      fetch: wordpress.fetch,
    });
    await runOnce(revived, clock);
    const job = await revived.db.jobs.get(jobId);
    expect(job?.state).toBe('done');
    expect(job?.progress).toMatchObject({ total: 250, done: 250, skipped: 0, failed: 0 });
    expect(comments.filter((comment) => comment.status !== 'spam')).toEqual([]);
    expect(comments.map((comment) => writesOf(comment.id)).filter((count) => count !== 1)).toEqual([]);
  });

  it('a stopped worker’s chunk is not sent again while its requests may still be under way (20 s after the claim)', async () => {
    const site = await arranged(150);
    const { ctx, wordpress, clock, comments, writesOf } = site;
    const dying = dyingWorker(site, 30, false);
    const jobId = await createJob(dying.worker, { siteId, filter: pending, action: 'trash', expectedTotal: 150 });
    const claimedAt = clock.now;
    void runOnce(dying.worker, clock);
    await expect.poll(dying.writes).toBeGreaterThan(31);
    const revived = testContext({
      db: new FreigabeDb(ctx.db.name),
      now: ctx.now,
      locks: memoryLocks(),
      fetch: wordpress.fetch,
    });
    const sentBefore = wordpress.writes.length;
    // 5 s later: it waits until 20 s after the claim, sending nothing (sent beside the first
    // requests, WordPress would run the trash hooks twice for the same comments).
    clock.now = claimedAt + 5_000;
    const step = await workOneChunk(revived, jobId, {
      now: () => clock.now,
      sleep: async () => {},
    });
    expect(step).toEqual({ kind: 'waiting', until: claimedAt + 20_000 });
    expect(wordpress.writes.length).toBe(sentBefore);
    expect((await revived.db.jobs.get(jobId))?.waitingUntil).toBe(claimedAt + 20_000);
    // Then it goes on and each comment is trashed exactly once.
    await runOnce(revived, clock);
    expect((await revived.db.jobs.get(jobId))?.state).toBe('done');
    expect(comments.map((comment) => writesOf(comment.id)).filter((count) => count !== 1)).toEqual([]);
  });

  it('pause stops between chunks, resume goes on, cancel keeps what was done', async () => {
    const { ctx, clock, comments } = await arranged(350);
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'approve', expectedTotal: 350 });
    await runOnce(ctx, clock, async () => {
      await controlJob(ctx, jobId, 'pause');
    });
    expect((await ctx.db.jobs.get(jobId))?.state).toBe('paused');
    expect(comments.filter((comment) => comment.status === 'approved')).toHaveLength(100);
    await runOnce(ctx, clock);
    expect(comments.filter((comment) => comment.status === 'approved')).toHaveLength(100);
    await controlJob(ctx, jobId, 'resume');
    let chunks = 0;
    await runOnce(ctx, clock, async () => {
      if (++chunks === 1) await controlJob(ctx, jobId, 'cancel');
    });
    const job = await ctx.db.jobs.get(jobId);
    expect(job?.state).toBe('cancelled');
    expect(job?.progress.done).toBe(200);
    expect(comments.filter((comment) => comment.status === 'approved')).toHaveLength(200);
    expect(await controlJob(ctx, jobId, 'cancel')).toBe('cancelled');
  });

  it.each(['cancel', 'pause'] as const)(
    '%s in the middle of a chunk: no request more starts; a pause takes the chunk up again on resume, each comment once',
    async (command) => {
      // The soak (seed 4170): an undo cancelled mid-chunk went on sending the chunk's 48 other comments 48 s later.
      const site = await arranged(150);
      const { ctx, wordpress, clock, comments, writesOf } = site;
      const jobId = await createJob(ctx, { siteId, filter: pending, action: 'approve', expectedTotal: 150 });
      let writes = 0;
      const user = sameDatabase(ctx, async (input, init) => {
        if ((init?.method ?? 'GET') !== 'GET') {
          clock.now += 100;
          if (++writes === 10) await controlJob(ctx, jobId, command);
        }
        return wordpress.fetch(input, init);
      });
      await runOnce(user, clock);
      const approved = () => comments.filter((comment) => comment.status === 'approved').length;
      // Those on the wire when the check came (it reads the job at most every 250 ms) — not the chunk's other 90.
      expect(writes).toBeLessThan(20);
      expect(approved()).toBe(writes);
      const job = await ctx.db.jobs.get(jobId);
      if (command === 'cancel') {
        expect(job?.state).toBe('cancelled');
        expect(job?.progress.done).toBe(writes);
        return;
      }
      expect(job?.state).toBe('paused');
      // The report matches the server while paused; the rest of the chunk waits, claimed, for the resume.
      expect(job?.progress.done).toBe(writes);
      const chunks = await ctx.db.jobChunks.where('jobId').equals(jobId).toArray();
      expect(chunks.map((chunk) => [chunk.state, chunk.ids.length])).toEqual([
        ['answered', 100],
        ['claimed', 100 - writes],
      ]);
      await controlJob(ctx, jobId, 'resume');
      await runOnce(ctx, clock);
      expect((await ctx.db.jobs.get(jobId))?.progress).toMatchObject({ done: 150, skipped: 0 });
      expect(approved()).toBe(150);
      expect(comments.every((comment) => writesOf(comment.id) === 1)).toBe(true);
    },
  );

  it('a failed sign-in pauses the job (needs-login) and the site; after the next sign-in it resumes by itself', async () => {
    const { ctx, wordpress, clock, comments } = await arranged(150);
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'approve', expectedTotal: 150 });
    for (let count = 0; count < 8; count++) wordpress.failures.push(null);
    wordpress.failures.push({ status: 401, code: 'rest_not_logged_in' });
    await runOnce(ctx, clock);
    expect(await ctx.db.jobs.get(jobId)).toMatchObject({ state: 'paused', waitReason: 'needs-login' });
    expect((await ctx.db.sites.get(siteId))?.status).toBe('needs-login');
    // Signed in again (the connect flow writes the site's status), and the jobs that waited for it go on.
    await ctx.db.sites.update(siteId, { status: 'connected', statusMessage: null });
    expect(await resumeAfterSignIn(ctx)).toBe(1);
    await runOnce(ctx, clock);
    expect(await ctx.db.jobs.get(jobId)).toMatchObject({ state: 'done', progress: { done: 150, skipped: 0 } });
    expect(comments.every((comment) => comment.status === 'approved')).toBe(true);
  });

  it('offline: the job waits with a growing backoff and the site shows offline; it goes on when the site answers', async () => {
    const { ctx, wordpress, clock, comments } = await arranged(120);
    let online = true;
    const net = testContext({
      db: ctx.db,
      now: ctx.now,
      random: () => 0.5,
      locks: memoryLocks(),
      fetch: async (input, init) => {
        if (!online) throw new TypeError('Failed to fetch');
        return wordpress.fetch(input, init);
      },
    });
    const jobId = await createJob(net, { siteId, filter: pending, action: 'trash', expectedTotal: 120 });
    online = false;
    const before = clock.now;
    await runOnce(net, clock);
    const waiting = await net.db.jobs.get(jobId);
    expect(waiting).toMatchObject({ state: 'running', waitReason: 'offline' });
    // Short waits were sat out inside the run, each longer than the last, until one was too long for it.
    expect((waiting?.cursor as { attempts?: number } | undefined)?.attempts).toBeGreaterThan(2);
    expect((waiting?.waitingUntil ?? 0) - clock.now).toBeGreaterThan(20_000);
    expect(clock.now).toBeGreaterThan(before);
    expect((await net.db.sites.get(siteId))?.status).toBe('offline');
    online = true;
    clock.now = (waiting?.waitingUntil ?? 0) + 1;
    await runOnce(net, clock);
    expect(await net.db.jobs.get(jobId)).toMatchObject({ state: 'done', progress: { done: 120 } });
    expect(comments.every((comment) => comment.status === 'trash')).toBe(true);
    expect((await net.db.sites.get(siteId))?.status).toBe('connected');
  });

  it('a long Retry-After: the job waits rate-limited until then, and sends nothing before', async () => {
    const { ctx, wordpress, clock } = await arranged(40);
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'approve', expectedTotal: 40 });
    wordpress.failures.push({ status: 429, code: 'rest_too_many_requests', headers: { 'Retry-After': '90' } });
    const started = clock.now;
    await runOnce(ctx, clock);
    const job = await ctx.db.jobs.get(jobId);
    expect(job).toMatchObject({ state: 'running', waitReason: 'rate-limited' });
    expect(job?.waitingUntil).toBeGreaterThanOrEqual(started + 90_000);
    const writes = wordpress.writes.length;
    await runOnce(ctx, clock);
    expect(wordpress.writes.length).toBe(writes);
    clock.now = (job?.waitingUntil ?? 0) + 1;
    await runOnce(ctx, clock);
    expect(await ctx.db.jobs.get(jobId)).toMatchObject({ state: 'done', progress: { done: 40 } });
  });

  it('comments left behind and then moved by someone else: the offset hint corrects itself, none is missed', async () => {
    const { ctx, wordpress, clock, comments, writesOf } = await arranged(260);
    const refusedIds = new Set([3, 5, 8, 13, 21, 34, 55, 89]);
    const refusing = testContext({
      db: ctx.db,
      now: ctx.now,
      locks: memoryLocks(),
      fetch: async (input, init) => {
        const id = Number(/comments\/(\d+)/.exec(String(input))?.[1]);
        if ((init?.method ?? 'GET') !== 'GET' && refusedIds.has(id)) {
          return Response.json({ code: 'rest_cannot_edit', message: 'Sorry, you are not allowed.' }, { status: 403 });
        }
        return wordpress.fetch(input, init);
      },
    });
    const jobId = await createJob(refusing, { siteId, filter: pending, action: 'approve', expectedTotal: 260 });
    let chunks = 0;
    await runOnce(refusing, clock, async () => {
      // After the first chunk another moderator approves the refused ones: the hint (8 left behind) is now too high.
      if (++chunks === 1) for (const comment of comments) if (refusedIds.has(comment.id)) comment.status = 'approved';
    });
    const job = await ctx.db.jobs.get(jobId);
    expect(job?.progress).toMatchObject({ total: 260, done: 252, failed: 8, skipped: 0 });
    expect(job?.failures.map((failure) => failure.code)).toEqual(Array(8).fill('rest_cannot_edit'));
    expect(comments.filter((comment) => comment.status !== 'approved')).toEqual([]);
    expect(comments.filter((comment) => !refusedIds.has(comment.id)).every((c) => writesOf(c.id) === 1)).toBe(true);
  });

  it('updates only the cached comments a chunk changed, and the badge shows the running job', async () => {
    const { ctx, clock } = await arranged(150);
    await ctx.db.comments.bulkPut(
      [7, 140].map((id) => ({
        siteId,
        id,
        post: 4,
        parent: 0,
        authorName: 'Leser',
        authorUrl: '',
        authorEmail: null,
        authorIp: null,
        authorUserAgent: null,
        date: 0,
        contentHtml: '',
        contentRaw: null,
        link: '',
        status: 'hold',
        type: 'comment',
        syncedAt: 0,
      })),
    );
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'spam', expectedTotal: 150 });
    const looks: (string | undefined)[] = [];
    const titles: (string | undefined)[] = [];
    await runOnce(ctx, clock, async () => {
      await updateBadges(ctx);
      looks.push(badges.get('global')?.text);
      titles.push(badges.get('global')?.title);
    });
    expect(looks[0]).toBe('66%');
    expect(titles[0]).toBe('Bulk job on Freigabe Demo: 100 of 150 comments handled');
    // Done: the badge shows the pending count again.
    expect(looks.at(-1)).not.toContain('%');
    expect((await ctx.db.jobs.get(jobId))?.state).toBe('done');
    expect((await ctx.db.comments.toArray()).map((row) => [row.id, row.status])).toEqual([
      [7, 'spam'],
      [140, 'spam'],
    ]);
  });
});
