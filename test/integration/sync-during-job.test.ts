/**
 * The sync while a bulk job moves the pending queue (ADR 022, "the cache during a flood"), against
 * the real WordPress: it counts instead of reading the queue's pages, so a flood the job is emptying
 * never fills the cache; a paused job, or one that does not touch the queue, does not hold it back.
 */
import { describe, expect, inject, it } from 'vitest';
import { addComments } from '../../scripts/wp/index.ts';
import { createJob } from '../../src/background/jobs/create.ts';
import { jobHandlers } from '../../src/background/jobs/handlers.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { syncIfStale } from '../../src/background/sync/schedule.ts';
import { ofPost } from '../../src/shared/db/comment-ranges.ts';
import { jobRowOf } from '../support/fake-job-engine.ts';
import { jobSite } from '../support/job-site.ts';
import { commentTotal, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const setupSite = { url: wp.url, dir: inject('wpDir') };

async function flood(count: number, status: 'hold' | 'spam') {
  const post = await admin.createPost({ title: `Flut ${Math.random().toString(36).slice(2, 7)}` });
  const added = await addComments(setupSite, post, count, status);
  return { post, ids: Array.from({ length: count }, (_, index) => added.first + index) };
}
const siteOf = (url: string) => `${url.slice(0, url.indexOf('/wp-json/'))}/wp-json/`;
const pendingOnServer = () => commentTotal(wp, user(wp, 'admin'), { status: 'hold', type: 'all' });

describe('the sync while a job moves the pending queue', () => {
  it('counts instead of caching while the job runs, and reads the queue once the job is paused', async () => {
    const { post, ids } = await flood(40, 'hold');
    const { ctx, siteId } = await jobSite(wp, 'editor');
    const jobId = await createJob(ctx, {
      siteId,
      filter: { status: 'hold', type: 'all', post },
      action: 'trash',
      expectedTotal: 40,
    });

    const during = await syncPending(ctx, siteId);
    const serverPending = await pendingOnServer();
    expect(during).toEqual({ siteId, pending: 0, serverTotal: serverPending });
    expect(await ctx.db.comments.count()).toBe(0);
    expect((await ctx.db.syncState.get(siteId))?.counts?.hold).toBe(serverPending);
    const site = await ctx.db.sites.get(siteId);
    expect(site).toMatchObject({ status: 'connected', pendingTotal: serverPending, lastSyncAt: null });

    // A tab reporting in does not count again and again while the job runs.
    expect(await syncIfStale(ctx, siteId)).toBe(false);

    // Paused by the user (the message's handler, no run of the jobs under way): the queue is read.
    await jobHandlers.controlJob(ctx, { type: 'controlJob', jobId, command: 'pause' });
    // A whole sync of the queue (the site holds the other files' comments too: ~2,000 under load take
    // seconds). Waited for, not timed: the next test's sync of the same site would join this one.
    await expect
      .poll(async () => (await ctx.db.sites.get(siteId))?.lastSyncAt ?? null, { timeout: 60_000, interval: 200 })
      .not.toBeNull();
    const cachedFlood = await ofPost(ctx.db, siteId, post).primaryKeys();
    expect(cachedFlood.map(([, id]) => id).sort((a, b) => a - b)).toEqual(ids);
  });

  it('stops a sync under way when a job starts moving the queue: the cursor stays, the rest is counted', async () => {
    const { post } = await flood(250, 'hold');
    let pagesRead = 0;
    let ctxOfSite: Awaited<ReturnType<typeof jobSite>>['ctx'] | undefined;
    // The job starts (its row appears, running) while the sync's second page is on the wire.
    const startsJobMidway: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = decodeURIComponent(String(input));
      if (url.includes('wp/v2/comments') && url.includes('status=hold') && url.includes('per_page=100')) {
        pagesRead += 1;
        if (pagesRead === 2)
          await ctxOfSite?.db.jobs.add(
            jobRowOf({ siteId: siteOf(url), filter: { status: 'hold', type: 'all', post } }),
          );
      }
      return response;
    };
    const { ctx, siteId } = await jobSite(wp, 'editor', { fetch: startsJobMidway });
    ctxOfSite = ctx;
    const summary = await syncPending(ctx, siteId);
    expect(summary.serverTotal).toBe(await pendingOnServer());
    expect(summary.pending).toBeLessThan(summary.serverTotal);
    expect(await ctx.db.comments.count()).toBe(summary.pending);
    expect((await ctx.db.syncState.get(siteId))?.cursor).not.toBeNull();
    expect((await ctx.db.sites.get(siteId))?.status).toBe('connected');
  });

  it('a count that fails after a job stopped the sync midway says why on the site line, not "syncing…"', async () => {
    const { post } = await flood(150, 'hold');
    let ctxOfSite: Awaited<ReturnType<typeof jobSite>>['ctx'] | undefined;
    let jobStarted = false;
    const jobThenCountsFail: typeof fetch = async (input, init) => {
      const url = decodeURIComponent(String(input));
      if (jobStarted && url.includes('per_page=1&')) throw new TypeError('Failed to fetch');
      const response = await fetch(input, init);
      if (!jobStarted && url.includes('status=hold') && url.includes('per_page=100')) {
        jobStarted = true;
        await ctxOfSite?.db.jobs.add(jobRowOf({ siteId: siteOf(url), filter: { status: 'hold', type: 'all', post } }));
      }
      return response;
    };
    const { ctx, siteId } = await jobSite(wp, 'editor', { fetch: jobThenCountsFail });
    ctxOfSite = ctx;
    await expect(syncPending(ctx, siteId)).rejects.toThrow();
    expect(jobStarted).toBe(true);
    expect((await ctx.db.sites.get(siteId))?.status).toBe('offline');
  });

  it('is not held back by a running job that neither reads nor refills the pending queue', async () => {
    const spam = await flood(5, 'spam');
    const pending = await flood(3, 'hold');
    const { ctx, siteId } = await jobSite(wp, 'editor');
    await createJob(ctx, {
      siteId,
      filter: { status: 'spam', type: 'all', post: spam.post },
      action: 'delete',
      expectedTotal: 5,
    });
    await syncPending(ctx, siteId);
    const cached = await ofPost(ctx.db, siteId, pending.post).primaryKeys();
    expect(cached.map(([, id]) => id).sort((a, b) => a - b)).toEqual(pending.ids);
  });
});
