/**
 * An author's job without a post filter is read over their own posts: WordPress pages an author's
 * comment list before it drops others' comments, so the selection, its count and its offsets must
 * not include them.
 */
import { describe, expect, it } from 'vitest';
import { createJob } from '../../../src/background/jobs/create.ts';
import { previewJob } from '../../../src/background/jobs/preview.ts';
import { memoryLocks } from '../../../src/background/locks.ts';
import { connectedSite, pendingComments, siteId } from '../../support/connected-site.ts';
import { runOnce } from '../../support/job-runner.ts';

describe('an author’s job', () => {
  it('selects only comments on the author’s posts (post[]), counts and changes only those', async () => {
    const comments = [...pendingComments(30, 4, 1), ...pendingComments(20, 5, 31), ...pendingComments(10, 6, 51)];
    const { ctx, wordpress, clock } = await connectedSite(comments, {
      locks: memoryLocks(),
      site: { mode: 'author', userId: 2 },
      wordpressOptions: { postAuthors: { 4: 2, 5: 9, 6: 2 } },
    });
    const filter = { status: 'hold', type: 'all' } as const;
    expect((await previewJob(ctx, { siteId, filter })).total).toBe(40);
    const jobId = await createJob(ctx, { siteId, filter, action: 'approve', expectedTotal: 40 });
    await runOnce(ctx, clock);
    expect((await ctx.db.jobs.get(jobId))?.progress).toMatchObject({ total: 40, done: 40, skipped: 0, failed: 0 });
    expect(comments.filter((comment) => comment.status === 'approved').map((comment) => comment.post)).toEqual([
      ...Array(30).fill(4),
      ...Array(10).fill(6),
    ]);
    const lists = wordpress.requests.filter((request) => request.startsWith('/wp-json/wp/v2/comments?'));
    expect(lists.every((request) => request.includes('post%5B%5D=4&post%5B%5D=6') || request.includes('include'))).toBe(
      true,
    );
  });

  it('an author without posts is told that nothing matches', async () => {
    const { ctx } = await connectedSite(pendingComments(5), {
      locks: memoryLocks(),
      site: { mode: 'author', userId: 3 },
      wordpressOptions: { postAuthors: { 4: 2 } },
    });
    const filter = { status: 'hold', type: 'all' } as const;
    expect((await previewJob(ctx, { siteId, filter })).total).toBe(0);
    await expect(createJob(ctx, { siteId, filter, action: 'approve', expectedTotal: 0 })).rejects.toMatchObject({
      code: 'nothing_matches',
    });
  });
});
