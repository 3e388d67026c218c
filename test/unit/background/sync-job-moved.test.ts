/**
 * Comments a bulk job moved are followed by later syncs (sync/job-moved.ts): a colleague's change
 * to one the job trashed reaches the cache; the soak found it standing as Trash for good.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createJob } from '../../../src/background/jobs/create.ts';
import { memoryLocks } from '../../../src/background/locks.ts';
import { jobMovedAtMost, jobMovedComments } from '../../../src/background/sync/job-moved.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { cachedIds, connectedSite, pendingComments, siteId } from '../../support/connected-site.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { runOnce } from '../../support/job-runner.ts';

async function trashedByJob(count: number) {
  const { ctx, wordpress, clock } = await connectedSite(pendingComments(count), { locks: memoryLocks() });
  await syncPending(ctx, siteId);
  const jobId = await createJob(ctx, {
    siteId,
    filter: { status: 'hold', type: 'all' },
    action: 'trash',
    expectedTotal: count,
  });
  await runOnce(ctx, clock);
  expect((await ctx.db.jobs.get(jobId))?.state).toBe('done');
  expect(await cachedIds(ctx, 'trash')).toHaveLength(count);
  return { ctx, wordpress, clock };
}

describe('comments a job moved', () => {
  beforeEach(resetFakeBrowser);

  it('a colleague approves one the job trashed: the next sync caches it as approved', async () => {
    const { ctx, wordpress, clock } = await trashedByJob(30);
    const restored = wordpress.comments.find((comment) => comment.id === 7);
    if (restored) restored.status = 'approved';
    clock.now += 60_000;
    await syncPending(ctx, siteId);
    expect((await ctx.db.comments.get([siteId, 7]))?.status).toBe('approved');
    expect(await cachedIds(ctx, 'trash')).toHaveLength(29);
  });

  it('reads again the newest 100 of them, and none once a day has passed since the job', async () => {
    const { ctx, clock } = await trashedByJob(250);
    const followed = await jobMovedComments(ctx.db, siteId, clock.now);
    expect(followed).toHaveLength(jobMovedAtMost);
    // From the newest chunks: the job moved 1–100 first, 101–200 next, 201–250 last.
    expect(Math.min(...followed)).toBeGreaterThan(100);
    expect(await jobMovedComments(ctx.db, siteId, clock.now + 24 * 60 * 60_000 + 1)).toEqual([]);
  });
});
