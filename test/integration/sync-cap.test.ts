/**
 * A queue longer than the cache holds, against the real WordPress (the unit test with 10,000 fake
 * comments: test/unit/background/sync-cap.test.ts): with a cap of 100 asked for, a sync caches the
 * newest 100 pending comments as WordPress lists them, counts the whole queue, and lets go of the
 * older cached ones without asking WordPress about each.
 */
import { describe, expect, inject, it } from 'vitest';
import { addComments } from '../../scripts/wp/index.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { withStatus } from '../../src/shared/db/comment-ranges.ts';
import { createWpClient } from '../../src/shared/wp/client.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const root = `${wp.url}/wp-json/`;
const cap = 100;

describe('a queue longer than the cache holds, on WordPress', () => {
  it('caches the newest as WordPress lists them, counts them all, and lets the older cached ones go unasked', async () => {
    const post = await adminApi(wp).createPost({ title: 'Mehr als der Speicher hält' });
    await addComments({ url: wp.url, dir: inject('wpDir') }, post, 250);
    resetFakeBrowser();
    grantedOrigins.add(originPattern(wp.url));
    const requests: string[] = [];
    const ctx = testContext({
      fetch: (input, init) => {
        requests.push(String(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    });
    const editor = user(wp, 'editor');
    // Connecting syncs the whole queue (the real cap is 10,000).
    await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
    const cachedAtFirst = (await withStatus(ctx.db, 'hold').primaryKeys()).map(([, id]) => id);
    const all = cachedAtFirst.length;
    expect(all).toBeGreaterThanOrEqual(250);

    const before = requests.length;
    const summary = await syncPending(ctx, root, { pendingCap: cap });
    // The badge and the summary tell the whole queue, as WordPress counts it.
    expect(summary.pending).toBe(all);
    expect(summary.serverTotal).toBe(all);
    expect((await ctx.db.sites.get(root))?.pendingTotal).toBe(all);
    // The cache holds the newest 100 WordPress lists, no more.
    const client = createWpClient({
      root,
      auth: { kind: 'application-password', username: editor.login, password: editor.applicationPassword },
    });
    const newest = await client.listComments({
      status: 'hold',
      type: 'all',
      perPage: cap,
      orderby: 'id',
      order: 'desc',
      context: 'edit',
    });
    const cached = (await withStatus(ctx.db, 'hold').primaryKeys()).map(([, id]) => id);
    expect(cached.sort((a, b) => a - b)).toEqual(newest.items.map((comment) => comment.id).sort((a, b) => a - b));
    // The pass read the first page for the total, then the page of the newest 100; the cached ones
    // the window left behind were let go without being asked about by id.
    const sync = requests.slice(before);
    const pages = sync.filter((url) => url.includes('status=hold') && url.includes('per_page=100'));
    expect(pages.map((url) => Number(new URL(url).searchParams.get('offset') ?? 0))).toEqual([0, all - cap]);
    const letGo = new Set(cachedAtFirst.filter((id) => !cached.includes(id)));
    expect(letGo.size).toBe(all - cap);
    const askedById = sync.flatMap((url) =>
      [...new URL(url).searchParams.entries()].filter(([key]) => key === 'include[]').map(([, id]) => Number(id)),
    );
    expect(askedById.filter((id) => letGo.has(id))).toEqual([]);
  });
});
