/**
 * A firewall in front of the site (a Cloudflare challenge) answers instead of WordPress mid-job:
 * the job waits (`blocked`, at least 30 s), the site says what to let through, nothing is counted
 * as failed, and the job finishes with every comment changed once when the firewall lets it pass.
 */
import { describe, expect, it } from 'vitest';
import { createJob } from '../../../src/background/jobs/create.ts';
import { memoryLocks } from '../../../src/background/locks.ts';
import { testContext } from '../../support/background-context.ts';
import { connectedSite, pendingComments, siteId } from '../../support/connected-site.ts';
import { runOnce } from '../../support/job-runner.ts';

describe('a job behind a firewall', () => {
  it('waits while a challenge answers, then finishes; nothing failed, nothing twice', async () => {
    const comments = pendingComments(150);
    const { ctx, wordpress, clock } = await connectedSite(comments, { locks: memoryLocks() });
    let challenge = false;
    let writes = 0;
    const guarded = testContext({
      db: ctx.db,
      now: ctx.now,
      locks: memoryLocks(),
      fetch: async (input, init) => {
        if ((init?.method ?? 'GET') !== 'GET' && ++writes === 40) challenge = true;
        if (challenge) {
          return new Response('<!DOCTYPE html><title>Just a moment...</title>', {
            status: 403,
            headers: { 'Content-Type': 'text/html', 'cf-mitigated': 'challenge', Server: 'cloudflare' },
          });
        }
        return wordpress.fetch(input, init);
      },
    });
    const jobId = await createJob(guarded, {
      siteId,
      filter: { status: 'hold', type: 'all' },
      action: 'spam',
      expectedTotal: 150,
    });
    const started = clock.now;
    await runOnce(guarded, clock);
    const waiting = await ctx.db.jobs.get(jobId);
    expect(waiting).toMatchObject({ state: 'running', waitReason: 'blocked' });
    expect(waiting?.waitingUntil ?? 0).toBeGreaterThanOrEqual(started + 30_000);
    expect(waiting?.progress.failed).toBe(0);
    expect(await ctx.db.sites.get(siteId)).toMatchObject({ status: 'blocked' });
    expect((await ctx.db.sites.get(siteId))?.statusMessage).toContain('Cloudflare');
    challenge = false;
    clock.now = (waiting?.waitingUntil ?? 0) + 1;
    await runOnce(guarded, clock);
    expect((await ctx.db.jobs.get(jobId))?.progress).toMatchObject({ done: 150, skipped: 0, failed: 0 });
    expect(comments.every((comment) => comment.status === 'spam')).toBe(true);
    const perComment = new Map<number, number>();
    for (const write of wordpress.writes) perComment.set(write.id, (perComment.get(write.id) ?? 0) + 1);
    expect([...perComment.values()].every((count) => count === 1)).toBe(true);
    expect(perComment.size).toBe(150);
  });
});
