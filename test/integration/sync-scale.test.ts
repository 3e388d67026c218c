/** The pending queue at scale: 2,000 comments pulled from the real WordPress into the cache. */
import { describe, expect, inject, it } from 'vitest';
import { addComments } from '../../scripts/wp/index.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { withStatus } from '../../src/shared/db/comment-ranges.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');

describe('sync at scale', () => {
  it('pulls 2,000 pending comments page by page, every one of them, and a second sync changes nothing', async () => {
    const post = await adminApi(wp).createPost({ title: 'Zweitausend' });
    const added = await addComments({ url: wp.url, dir: inject('wpDir') }, post, 2000);
    expect(added.count).toBe(2000);
    resetFakeBrowser();
    grantedOrigins.add(originPattern(wp.url));
    const ctx = testContext();
    const editor = user(wp, 'editor');
    const started = performance.now();
    await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
    const seconds = (performance.now() - started) / 1000;
    const siteId = `${wp.url}/wp-json/`;
    const cached = await ctx.db.comments.where('[siteId+post+status]').equals([siteId, post, 'hold']).count();
    expect(cached).toBe(2000);
    const ids = (await ctx.db.comments.where('[siteId+post+status]').equals([siteId, post, 'hold']).primaryKeys()).map(
      ([, id]) => id,
    );
    expect(Math.min(...ids)).toBe(added.first);
    expect(Math.max(...ids)).toBe(added.last);
    console.log(`connect + first sync of ${cached} pending comments: ${seconds.toFixed(1)} s`);
    const again = await syncPending(ctx, siteId);
    expect(again.pending).toBe(await withStatus(ctx.db, 'hold').count());
  });
});
