/**
 * A burst of changes refreshes the badge and the open articles at most twice — once now, once for
 * everything that changed meanwhile — and every caller learns when a refresh that saw its change ended.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { refreshViews } from '../../../src/background/inline/notify.ts';
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
});
