import { beforeEach, describe, expect, it } from 'vitest';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { onTabFocused } from '../../../src/background/tab-focus.ts';
import { setTabPage } from '../../../src/background/tab-state.ts';
import { testContext } from '../../support/background-context.ts';
import { badges, resetFakeBrowser } from '../../support/fake-browser.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

describe('focusing a tab of a connected site', () => {
  beforeEach(resetFakeBrowser);

  it('syncs that site when its last sync is stale, and shows the article’s count', async () => {
    let clock = 1_000_000;
    const wordpress = fakeWordPress([{ id: 1, post: 4, status: 'hold', type: 'comment' }]);
    const ctx = testContext({ fetch: wordpress.fetch, now: () => clock });
    await ctx.db.sites.put(testSite());
    await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
    await syncPending(ctx, siteId);
    await setTabPage(ctx, 9, { siteId, postId: 4 });
    wordpress.comments.push({ id: 2, post: 4, status: 'hold', type: 'comment' });

    await onTabFocused(ctx, 9);
    expect(badges.get(9)?.text).toBe('1'); // synced 0 s ago: not due yet

    clock += 60_000;
    await onTabFocused(ctx, 9);
    expect(badges.get(9)?.text).toBe('2');
  });
});
