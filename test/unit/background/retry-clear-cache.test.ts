/**
 * retry: a failed decision waits again (due now), and the cache shows it decided again; clearCache:
 * a site's cached comments and posts go, but never what an unsent decision is about, nor drafts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { pageHandlers } from '../../../src/background/handlers.ts';
import { decide } from '../../../src/background/outbox/decide.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

async function setup() {
  const ctx = testContext({ now: () => 50_000, fetch: () => Promise.reject(new TypeError('offline')) });
  await ctx.db.sites.put(testSite());
  await ctx.db.comments.bulkPut([commentRow(1), commentRow(2), commentRow(3, { status: 'approved' })]);
  await ctx.db.posts.put({ siteId, id: 4, title: 'T', link: 'https://blog.example/t/', author: 1 });
  return ctx;
}

describe('retry and clear cache', () => {
  beforeEach(resetFakeBrowser);

  it('retry puts a failed decision back to waiting and shows it decided again', async () => {
    const ctx = await setup();
    const [id = 0] = await decide(ctx, { siteId, commentIds: [1], decision: 'spam', undoWindowMs: 60_000 });
    // As a flush does when WordPress refuses: failed, the cache rolled back.
    await ctx.db.outbox.update(id, { state: 'failed', error: { kind: 'forbidden', code: 'x', message: 'No.' } });
    await ctx.db.comments.update([siteId, 1], { status: 'hold' });
    expect(await pageHandlers.retry(ctx, { type: 'retry', outboxId: id })).toEqual({ state: 'waiting' });
    expect(await ctx.db.outbox.get(id)).toMatchObject({
      state: 'waiting',
      notBefore: 50_000,
      error: null,
      attempts: 0,
    });
    expect((await ctx.db.comments.get([siteId, 1]))?.status).toBe('spam');
    // A decision that is not failed is left alone.
    expect(await pageHandlers.retry(ctx, { type: 'retry', outboxId: id })).toEqual({ state: 'waiting' });
    await expect(pageHandlers.retry(ctx, { type: 'retry', outboxId: 999 })).rejects.toThrow('no longer known');
  });

  it('clearCache removes cached comments and posts but keeps those with unsent decisions, and drafts', async () => {
    const ctx = await setup();
    await decide(ctx, { siteId, commentIds: [2], decision: 'approve', undoWindowMs: 60_000 });
    await ctx.db.drafts.put({ siteId, commentId: 1, kind: 'reply', content: 'Entwurf', updatedAt: 1 });
    const other = testSite({ id: 'https://other.example/wp-json/', origin: 'https://other.example' });
    await ctx.db.sites.put(other);
    await ctx.db.comments.put(commentRow(7, { siteId: other.id }));
    const result = await pageHandlers.clearCache(ctx, { type: 'clearCache', siteId });
    expect(result).toEqual({ siteId, removed: 2 });
    expect((await ctx.db.comments.toArray()).map((row) => [row.siteId, row.id])).toEqual([
      [siteId, 2],
      [other.id, 7],
    ]);
    expect(await ctx.db.posts.count()).toBe(0);
    expect(await ctx.db.outbox.count()).toBe(1);
    expect(await ctx.db.drafts.count()).toBe(1);
  });
});
