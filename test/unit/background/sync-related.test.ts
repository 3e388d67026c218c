/**
 * What a sync stores besides the queue: the counts per status, the comments pending ones reply to,
 * and the thread context of articles the user looks at.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHandlers } from '../../../src/background/handlers.ts';
import { decide } from '../../../src/background/outbox/decide.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { contextFreshForMs, contextLimit, fetchThreadContext } from '../../../src/background/sync/thread-context.ts';
import { cachedIds, connectedSite, fakeComment, pendingComments, siteId } from '../../support/connected-site.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';

const comment = fakeComment;

describe('counts per status', () => {
  beforeEach(resetFakeBrowser);

  it('stores the server’s count of each status (every type) with each sync', async () => {
    const { ctx, wordpress, clock } = await connectedSite([
      ...pendingComments(3),
      comment(10, 'approved'),
      comment(11, 'approved', { type: 'pingback' }),
      comment(12, 'spam'),
      comment(13, 'trash'),
      comment(14, 'trash'),
    ]);
    await syncPending(ctx, siteId);
    expect((await ctx.db.syncState.get(siteId))?.counts).toEqual({
      hold: 3,
      approved: 2,
      spam: 1,
      trash: 2,
      at: 1_000_000,
    });
    Object.assign(wordpress.comments[0] ?? {}, { status: 'spam' });
    clock.now += 60_000;
    await syncPending(ctx, siteId);
    expect((await ctx.db.syncState.get(siteId))?.counts).toMatchObject({ hold: 2, spam: 2, at: clock.now });
  });

  it('for an author: the pending comments they can read, and null for what WordPress does not count for them', async () => {
    const { ctx, wordpress } = await connectedSite([...pendingComments(4), comment(10, 'spam')], {
      site: { mode: 'author' },
    });
    await syncPending(ctx, siteId);
    expect((await ctx.db.syncState.get(siteId))?.counts).toEqual({
      hold: 4,
      approved: null,
      spam: null,
      trash: null,
      at: 1_000_000,
    });
    // WordPress's totals would count every post's comments: not asked.
    expect(wordpress.requests.some((r) => r.includes('per_page=1&'))).toBe(false);
  });
});

describe('parents of pending comments', () => {
  beforeEach(resetFakeBrowser);

  it('fetches the comments pending ones reply to when they are not cached, 100 ids a request', async () => {
    const approvedParents = Array.from({ length: 150 }, (_, i) => comment(1000 + i, 'approved'));
    const replies = approvedParents.map((parent, i) => comment(2000 + i, 'hold', { parent: parent.id }));
    const { ctx, wordpress, clock } = await connectedSite([
      ...approvedParents,
      ...replies,
      comment(3000, 'hold', { parent: 2000 }),
      comment(3001, 'hold', { parent: 999 }),
    ]);
    await syncPending(ctx, siteId);
    expect(await cachedIds(ctx, 'approved')).toEqual(approvedParents.map((parent) => parent.id));
    const parentRequests = wordpress.requests.filter((r) => r.includes('include%5B%5D') && r.includes('/comments'));
    // 150 approved parents and one that does not exist (999): two requests; 2000 is pending (cached).
    expect(parentRequests).toHaveLength(2);
    expect(parentRequests.join()).not.toContain('include%5B%5D=2000');
    clock.now += 60_000;
    const before = wordpress.requests.length;
    await syncPending(ctx, siteId);
    // Cached now: only the missing one is asked for again as a parent; the sweep reads the first page
    // of the cached ones again (sweep.ts), the next sync the rest.
    const again = wordpress.requests
      .slice(before)
      .filter((r) => r.includes('include%5B%5D') && r.includes('/comments'));
    expect(again).toHaveLength(2);
    expect(again.filter((r) => r.includes('include%5B%5D=999'))).toHaveLength(1);
    expect(again.filter((r) => r.includes('include%5B%5D=1099&'))).toHaveLength(1);
  });
});

describe('thread context', () => {
  beforeEach(resetFakeBrowser);

  it('keeps the most recent approved comments of the post (up to the limit), at most once per few minutes', async () => {
    const approved = Array.from({ length: 350 }, (_, i) => comment(i + 1, 'approved'));
    const { ctx, wordpress, clock } = await connectedSite([...approved, comment(900, 'approved', { post: 9 })]);
    expect(await fetchThreadContext(ctx, siteId, 4)).toBe(contextLimit);
    // The fake's dates follow the ids: the 300 most recent are 51…350.
    expect(await cachedIds(ctx, 'approved')).toEqual(approved.slice(50).map((c) => c.id));
    const reads = wordpress.requests.filter((r) => r.includes('status=approve') && r.includes('post%5B%5D=4'));
    const pages = reads.filter((r) => !/_fields=id(&|$)/.test(r));
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page).toMatch(/orderby=date_gmt&order=desc/);
    // More than it reads: the article's counts are asked for (comments and pings, never type=all).
    expect(reads.filter((r) => /_fields=id(&|$)/.test(r)).map((r) => /type=(\w+)/.exec(r)?.[1])).toEqual([
      'comment',
      'pings',
    ]);
    expect((await ctx.db.posts.get([siteId, 4]))?.approvedTotals).toEqual({ comments: 350, pings: 0 });
    expect((await ctx.db.syncState.get(siteId))?.contextFetchedAt).toEqual({ 4: 1_000_000 });
    expect((await ctx.db.posts.get([siteId, 4]))?.title).toBe('Beitrag 4');

    const before = wordpress.requests.length;
    clock.now += contextFreshForMs - 1;
    expect(await fetchThreadContext(ctx, siteId, 4)).toBeNull();
    expect(wordpress.requests.length).toBe(before);
    clock.now += 1;
    expect(await fetchThreadContext(ctx, siteId, 4)).toBe(contextLimit);
    expect(wordpress.requests.length).toBeGreaterThan(before);
  });

  it('learns where cached approved comments went, and never undoes an unsent decision', async () => {
    const { ctx, wordpress, clock } = await connectedSite([
      comment(1, 'approved'),
      comment(2, 'approved'),
      comment(3, 'approved'),
      comment(4, 'approved'),
    ]);
    await fetchThreadContext(ctx, siteId, 4);
    expect(await cachedIds(ctx, 'approved')).toEqual([1, 2, 3, 4]);
    // All of them read: the cache's own counts are the article's.
    expect((await ctx.db.posts.get([siteId, 4]))?.approvedTotals).toBeUndefined();
    await decide(ctx, { siteId, commentIds: [4], decision: 'unapprove' });
    Object.assign(wordpress.comments[1] ?? {}, { status: 'spam' });
    wordpress.comments.splice(2, 1);
    clock.now += contextFreshForMs;
    await fetchThreadContext(ctx, siteId, 4);
    expect(await cachedIds(ctx, 'approved')).toEqual([1]);
    expect((await ctx.db.comments.get([siteId, 2]))?.status).toBe('spam');
    expect(await ctx.db.comments.get([siteId, 3])).toBeUndefined();
    expect((await ctx.db.comments.get([siteId, 4]))?.status).toBe('hold');
  });

  it('is fetched when a tab reports an article of a connected site', async () => {
    const { ctx, wordpress } = await connectedSite([comment(1, 'approved'), comment(2, 'hold')]);
    await contentHandlers.pageDetected(
      ctx,
      {
        type: 'pageDetected',
        page: { isWordPress: true, restRoot: null, postId: 4, commentsInDom: true },
      },
      // The fake WordPress links post 4 as /4/: the tab shows that article.
      { tabId: 7, url: new URL('https://blog.example/4/') },
    );
    await expect.poll(() => ctx.db.syncState.get(siteId).then((state) => state?.contextFetchedAt[4])).toBe(1_000_000);
    expect(await ctx.db.comments.get([siteId, 1])).toMatchObject({ status: 'approved' });
    expect(wordpress.requests.some((r) => r.includes('status=approve') && r.includes('post%5B%5D=4'))).toBe(true);
  });
});
