/**
 * The popup's first screen, kept by the background in storage.session: written after the cache
 * changes (once per burst), the newest pending comments across sites with their sites and post
 * titles, bounded in size against hostile comments, emptied when a site is disconnected.
 */
import { Dexie, RangeSet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepFirstScreen, writeFirstScreen } from '../../../src/background/first-screen.ts';
import { disconnectSite } from '../../../src/background/sites/disconnect.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { asFirstScreen, firstScreenHtmlBudget, firstScreenKey } from '../../../src/shared/first-screen.ts';
import { testContext } from '../../support/background-context.ts';
import { fakeBrowser, resetFakeBrowser } from '../../support/fake-browser.ts';
import { fakeWordPress } from '../../support/fake-wordpress.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const stored = async () =>
  asFirstScreen((await fakeBrowser.storage.session.get(firstScreenKey))[firstScreenKey] ?? null);
const settled = () => new Promise((resolve) => setTimeout(resolve, 400));

let stop: (() => void) | null = null;
beforeEach(resetFakeBrowser);
afterEach(() => {
  stop?.();
  stop = null;
});

describe('first screen', () => {
  it('follows a sync: the newest 30 pending of the cache, newest first, with the site and post titles', async () => {
    const wordpress = fakeWordPress(
      Array.from({ length: 45 }, (_, i) => ({ id: i + 1, post: 4, status: 'hold', type: 'comment' })),
    );
    const ctx = testContext({ fetch: wordpress.fetch });
    await ctx.db.sites.put(testSite());
    await ctx.db.credentials.put({ siteId, auth: { kind: 'application-password', username: 'u', password: 'p' } });
    stop = keepFirstScreen(ctx);
    await syncPending(ctx, siteId);
    await settled();
    const screen = await stored();
    expect(screen?.rows).toHaveLength(30);
    // The fake's comments all have one date: the newest are the highest ids.
    expect(screen?.rows.map((row) => row.id)).toEqual(Array.from({ length: 30 }, (_, i) => 45 - i));
    expect(screen?.sites.map((site) => site.id)).toEqual([siteId]);
    expect(screen?.posts.map((post) => post.title)).toEqual(['Beitrag 4']);
    // Nothing secret in it: credentials live in their own table.
    expect(JSON.stringify(screen)).not.toContain('application-password');

    await disconnectSite(ctx, siteId, { discardUnsent: true });
    await settled();
    expect(await stored()).toMatchObject({ sites: [], rows: [], posts: [] });
  });

  it('keeps at most its HTML budget: a 64 kB hostile comment and what is older come from the cache', async () => {
    const ctx = testContext();
    await ctx.db.sites.put(testSite());
    const huge = `<p>${'x'.repeat(firstScreenHtmlBudget)}</p>`;
    await ctx.db.comments.bulkPut([
      commentRow(1, { date: 1000 }),
      commentRow(2, { date: 2000, contentHtml: huge }),
      commentRow(3, { date: 3000 }),
    ]);
    await writeFirstScreen(ctx);
    expect((await stored())?.rows.map((row) => row.id)).toEqual([3]);
  });

  it('is written again after Dexie\'s "all" notice (a change it cannot describe)', async () => {
    const ctx = testContext();
    await ctx.db.sites.put(testSite());
    await ctx.db.comments.put(commentRow(1));
    stop = keepFirstScreen(ctx);
    await writeFirstScreen(ctx);
    expect((await stored())?.rows.map((row) => row.id)).toEqual([1]);
    // A comment written past Dexie (no notice of its own), then the notice that cannot say what changed.
    const transaction = ctx.db.backendDB().transaction('comments', 'readwrite');
    transaction.objectStore('comments').put(commentRow(2));
    await new Promise((resolve) => {
      transaction.oncomplete = resolve;
    });
    Dexie.on('storagemutated').fire({ all: new RangeSet(Number.NEGATIVE_INFINITY, [[]]) });
    await settled();
    expect((await stored())?.rows.map((row) => row.id)).toEqual([2, 1]);
  });

  it('is read as a snapshot only when it has the expected shape', () => {
    expect(asFirstScreen(null)).toBeNull();
    expect(asFirstScreen({ version: 2, sites: [], posts: [], rows: [] })).toBeNull();
    expect(asFirstScreen({ version: 1, sites: [], posts: [], rows: 'x' })).toBeNull();
    expect(asFirstScreen({ version: 1, writtenAt: 1, sites: [], posts: [], rows: [] })).not.toBeNull();
  });
});
