/**
 * Jobs through the Freigabe Bridge (keyset ids, one bulk request per chunk with compare-and-set)
 * against a fake Bridge, and undo of a finished job (over the ledger's done comments, each only
 * while still where the job left it) — also over REST.
 */
import { describe, expect, it } from 'vitest';
import { createJob } from '../../../src/background/jobs/create.ts';
import { previewJob } from '../../../src/background/jobs/preview.ts';
import { undoJob } from '../../../src/background/jobs/undo.ts';
import { memoryLocks } from '../../../src/background/locks.ts';
import type { SiteRow } from '../../../src/shared/db/index.ts';
import type { JobFilter } from '../../../src/shared/jobs.ts';
import { testContext } from '../../support/background-context.ts';
import { connectedSite, pendingComments, siteId } from '../../support/connected-site.ts';
import { withFakeBridge } from '../../support/fake-bridge.ts';
import { runOnce } from '../../support/job-runner.ts';

const pending: JobFilter = { status: 'hold', type: 'all' };
const bridge = {
  version: '1.0.0',
  maxIds: 200,
  actions: ['approve', 'unapprove', 'spam', 'unspam', 'trash', 'untrash', 'delete'],
};

async function bridgeSite(count: number) {
  const comments = pendingComments(count);
  const { ctx, wordpress, clock } = await connectedSite(comments, {
    locks: memoryLocks(),
    site: { bridge } as Partial<SiteRow>,
  });
  const fake = withFakeBridge(comments, wordpress.fetch);
  const bridged = testContext({ db: ctx.db, now: ctx.now, locks: memoryLocks(), fetch: fake.fetch });
  return { ctx: bridged, wordpress, clock, comments, fake };
}

describe('jobs through the Freigabe Bridge', () => {
  it('lists ids by keyset and sends chunks of max_ids with expect, in requests of 100; no REST write at all', async () => {
    const { ctx, wordpress, clock, comments, fake } = await bridgeSite(450);
    expect((await previewJob(ctx, { siteId, filter: pending })).route).toBe('bridge');
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'trash', expectedTotal: 450 });
    await runOnce(ctx, clock);
    const job = await ctx.db.jobs.get(jobId);
    expect(job).toMatchObject({ state: 'done', route: 'bridge', progress: { total: 450, done: 450, skipped: 0 } });
    // Chunks of 200, 200 and 50 (max_ids), each sent as the outbox sends decisions: a hundred a request.
    expect(fake.bulkCalls.map((call) => call.ids.length)).toEqual([100, 100, 100, 100, 50]);
    expect(fake.bulkCalls.flatMap((call) => call.ids)).toEqual(comments.map((comment) => comment.id));
    expect(fake.bulkCalls[0]?.expect['1']).toBe('hold');
    expect(Object.keys(fake.bulkCalls[1]?.expect ?? {})).toEqual(fake.bulkCalls[1]?.ids.map(String));
    // The listing's last page said nothing follows: no request more to learn it.
    expect(fake.listCalls).toEqual([0, 200, 400]);
    expect(comments.every((comment) => comment.status === 'trash')).toBe(true);
    expect(wordpress.writes).toEqual([]);
  });

  it('another moderator’s change comes back as a conflict: skipped, not overwritten', async () => {
    const { ctx, clock, comments } = await bridgeSite(300);
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'spam', expectedTotal: 300 });
    // Listed as pending, then approved elsewhere before the bulk request arrives.
    const listIdsThenMove: typeof fetch = async (input, init) => {
      const answer = await ctx.fetch(input, init);
      if (String(input).includes('/comments/ids')) for (const c of comments) if (c.id % 50 === 0) c.status = 'approved';
      return answer;
    };
    const moving = testContext({ db: ctx.db, now: ctx.now, locks: memoryLocks(), fetch: listIdsThenMove });
    await runOnce(moving, clock);
    const job = await ctx.db.jobs.get(jobId);
    expect(job?.progress).toMatchObject({ total: 300, done: 294, skipped: 6, failed: 0 });
    expect(comments.filter((comment) => comment.status === 'approved').map((c) => c.id)).toEqual([
      50, 100, 150, 200, 250, 300,
    ]);
  });

  it('a chunk sent by a worker that stopped before writing the answer is sent again: done ones count as done', async () => {
    const { ctx, clock, comments, fake } = await bridgeSite(150);
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'approve', expectedTotal: 150 });
    let bulks = 0;
    const dying = testContext({
      db: ctx.db,
      now: ctx.now,
      locks: memoryLocks(),
      fetch: async (input, init) => {
        const answer = await ctx.fetch(input, init);
        if (String(input).includes('/comments/bulk') && ++bulks === 1) return new Promise<Response>(() => undefined);
        return answer;
      },
    });
    void runOnce(dying, clock);
    // The chunk's two requests (100 and 50) reached WordPress; the first one's answer never comes back.
    await expect.poll(() => bulks).toBe(2);
    await runOnce(ctx, clock);
    const job = await ctx.db.jobs.get(jobId);
    expect(job?.progress).toMatchObject({ total: 150, done: 150, skipped: 0, failed: 0 });
    expect(comments.every((comment) => comment.status === 'approved')).toBe(true);
    // The second send of the chunk expected "hold" again: WordPress changed nothing twice.
    expect(fake.bulkCalls.slice(2).map((call) => call.ids)).toEqual(fake.bulkCalls.slice(0, 2).map((call) => call.ids));
  });

  it('a chunk’s requests go four at once; one that fails sends the chunk again, nothing changed twice', async () => {
    const { ctx, clock, comments, fake } = await bridgeSite(200);
    // Spam: a few comments a request, as the outbox sends them (Akismet reports each one inside the request).
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'spam', expectedTotal: 200 });
    let inFlight = 0;
    let mostInFlight = 0;
    let bulks = 0;
    const slowAndOnceBusy = testContext({
      db: ctx.db,
      now: ctx.now,
      locks: memoryLocks(),
      fetch: async (input, init) => {
        if (!String(input).includes('/comments/bulk')) return ctx.fetch(input, init);
        bulks += 1;
        const nth = bulks;
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          await new Promise((wait) => setTimeout(wait, 2));
          // The third request of the first send: the server is busy (it changed nothing).
          if (nth === 3) return new Response('busy', { status: 503 });
          return await ctx.fetch(input, init);
        } finally {
          inFlight -= 1;
        }
      },
    });
    await runOnce(slowAndOnceBusy, clock);
    expect(mostInFlight).toBe(4);
    expect(Math.max(...fake.bulkCalls.map((call) => call.ids.length))).toBe(4);
    const job = await ctx.db.jobs.get(jobId);
    expect(job?.progress).toMatchObject({ total: 200, done: 200, skipped: 0, failed: 0 });
    expect(comments.every((comment) => comment.status === 'spam')).toBe(true);
    // Sent again as a whole, still expecting "hold": what WordPress had done comes back as conflicts
    // already in spam (done), the rest is done now — each comment reached WordPress at most twice.
    const reached = new Map<number, number>();
    for (const id of fake.bulkCalls.flatMap((call) => call.ids)) reached.set(id, (reached.get(id) ?? 0) + 1);
    expect(reached.size).toBe(200);
    expect(Math.max(...reached.values())).toBe(2);
    expect(fake.bulkCalls.every((call) => Object.values(call.expect).every((status) => status === 'hold'))).toBe(true);
  });

  it('undo through the Bridge reverses what the job did, comparing against the status the job left', async () => {
    const { ctx, clock, comments, fake } = await bridgeSite(120);
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'spam', expectedTotal: 120 });
    await runOnce(ctx, clock);
    const moved = comments.slice(0, 3);
    for (const comment of moved) comment.status = 'trash';
    const undoId = await undoJob(ctx, jobId);
    await runOnce(ctx, clock);
    expect(await ctx.db.jobs.get(undoId)).toMatchObject({
      state: 'done',
      action: 'unspam',
      undoOf: jobId,
      progress: { total: 120, done: 117, skipped: 3 },
    });
    expect((await ctx.db.jobs.get(jobId))?.undoneBy).toBe(undoId);
    expect(comments.filter((comment) => comment.status === 'hold')).toHaveLength(117);
    expect(moved.every((comment) => comment.status === 'trash')).toBe(true);
    expect(fake.bulkCalls.at(-1)).toMatchObject({ action: 'unspam' });
    expect(Object.values(fake.bulkCalls.at(-1)?.expect ?? {}).every((status) => status === 'spam')).toBe(true);
  });
});

describe('undo over REST', () => {
  it('takes back only comments still where the job left them; refused while running and after delete', async () => {
    const comments = pendingComments(130);
    const { ctx, wordpress, clock } = await connectedSite(comments, { locks: memoryLocks() });
    const jobId = await createJob(ctx, { siteId, filter: pending, action: 'approve', expectedTotal: 130 });
    await expect(undoJob(ctx, jobId)).rejects.toMatchObject({ code: 'job_running' });
    await runOnce(ctx, clock);
    const movedElsewhere = comments.slice(10, 14);
    for (const comment of movedElsewhere) comment.status = 'spam';
    const undoId = await undoJob(ctx, jobId);
    await runOnce(ctx, clock);
    expect((await ctx.db.jobs.get(undoId))?.progress).toMatchObject({ total: 130, done: 126, skipped: 4 });
    expect(comments.filter((comment) => comment.status === 'hold')).toHaveLength(126);
    expect(movedElsewhere.every((comment) => comment.status === 'spam')).toBe(true);
    const undoWrites = wordpress.writes.slice(130);
    expect(undoWrites.every((write) => write.body?.status === 'hold')).toBe(true);
    // Delete permanently cannot be undone.
    const spamJob = await createJob(ctx, {
      siteId,
      filter: { status: 'spam', type: 'all' },
      action: 'delete',
      expectedTotal: 4,
    });
    await runOnce(ctx, clock);
    await expect(undoJob(ctx, spamJob)).rejects.toMatchObject({ code: 'cannot_undo' });
  });
});
