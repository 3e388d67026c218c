/**
 * A burst of changes refreshes the badge and the open articles once at once, then at most every
 * 250 ms for everything that changed meanwhile, and every caller learns when a refresh that saw its
 * change ended.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { refreshGapMs, refreshViews } from '../../../src/background/inline/notify.ts';
import { testContext } from '../../support/background-context.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';
import { testSite } from '../../support/rows.ts';

describe('refreshViews', () => {
  beforeEach(resetFakeBrowser);

  it('coalesces twenty calls during a refresh into one more, and settles each after a refresh that saw it', async () => {
    const ctx = testContext();
    await ctx.db.sites.put(testSite());
    let counted = 0;
    const count = ctx.db.comments.where.bind(ctx.db.comments);
    ctx.db.comments.where = ((index: string) => {
      // The badge counts the pending comments once per refresh.
      if (index === '[status+date]') counted += 1;
      return count(index);
    }) as typeof ctx.db.comments.where;
    const first = refreshViews(ctx);
    const burst = Array.from({ length: 20 }, (_, i) => refreshViews(ctx, i % 2 === 0 ? testSite().id : undefined));
    await Promise.all([first, ...burst]);
    expect(counted).toBe(2);
    // Later calls start a refresh of their own.
    await refreshViews(ctx);
    expect(counted).toBe(3);
  });

  it('during a stream of changes (a key every 20 ms for a second), refreshes every 250 ms, not after each change', async () => {
    const ctx = testContext();
    await ctx.db.sites.put(testSite());
    const started: number[] = [];
    const count = ctx.db.comments.where.bind(ctx.db.comments);
    ctx.db.comments.where = ((index: string) => {
      if (index === '[status+date]') started.push(performance.now());
      return count(index);
    }) as typeof ctx.db.comments.where;
    const settled: Promise<void>[] = [];
    const streamStart = performance.now();
    while (performance.now() - streamStart < 1000) {
      settled.push(refreshViews(ctx, testSite().id));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(settled);
    // ~50 changes: a refresh at once and one per 250 ms after it (5 or 6 here, fewer when each refresh is slow).
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(started.length).toBeLessThanOrEqual(7);
    for (let index = 1; index < started.length; index++) {
      expect((started[index] ?? 0) - (started[index - 1] ?? 0)).toBeGreaterThanOrEqual(refreshGapMs - 5);
    }
    // The first refresh did not wait.
    expect((started[0] ?? 0) - streamStart).toBeLessThan(refreshGapMs);
  });
});
