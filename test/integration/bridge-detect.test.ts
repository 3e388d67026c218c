/**
 * The extension finds the Freigabe Bridge where it reads the REST index: at connect, and again on
 * every sync (one small request), so a plugin activated or deactivated later shows up within a sync.
 * Without the Bridge nothing is stored but `null`.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { setBridge } from '../../scripts/wp/scenarios.ts';
import { connectWithPassword } from '../../src/background/sites/password.ts';
import { originPattern } from '../../src/background/sites/permission.ts';
import { clientForSite } from '../../src/background/sites/site-client.ts';
import { syncPending } from '../../src/background/sync/pull-pending.ts';
import { testContext } from '../support/background-context.ts';
import { grantedOrigins, resetFakeBrowser } from '../support/fake-browser.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const siteId = `${wp.url}/wp-json/`;
const announced = {
  version: '1.1.2',
  maxIds: 1000,
  actions: ['approve', 'unapprove', 'spam', 'unspam', 'trash', 'untrash', 'delete'],
  blocklist: true,
};

async function connected() {
  const ctx = testContext();
  await connectWithPassword(ctx, { url: wp.url, username: editor.login, password: editor.applicationPassword });
  return ctx;
}

beforeEach(() => {
  resetFakeBrowser();
  grantedOrigins.add(originPattern(wp.url));
});

afterAll(async () => {
  await setBridge(site, false);
});

describe('detecting the Freigabe Bridge', () => {
  it('sees none on a site without it, then the Bridge activated later on the next sync, and its removal too', async () => {
    await setBridge(site, false);
    const ctx = await connected();
    expect((await ctx.db.sites.get(siteId))?.bridge).toBeNull();

    await setBridge(site, true);
    await syncPending(ctx, siteId);
    expect((await ctx.db.sites.get(siteId))?.bridge).toEqual(announced);

    await setBridge(site, false);
    await syncPending(ctx, siteId);
    expect((await ctx.db.sites.get(siteId))?.bridge).toBeNull();
  });

  it('stores the Bridge at connect when it is active', async () => {
    await setBridge(site, true);
    const ctx = await connected();
    expect((await ctx.db.sites.get(siteId))?.bridge).toEqual(announced);
    // The extension's own client reads the plugin's answers with the contract's schemas (bridge.ts).
    const client = await clientForSite(ctx, siteId);
    const page = await client.bridge.listIds({ status: 'hold', type: 'all' }, 0, 2);
    expect(page.ids.length).toBe(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.nextAfterId).toBe(page.ids[1]);
    // What a job asks for: the same page, uncounted.
    expect(await client.bridge.listIds({ status: 'hold', type: 'all' }, 0, 2, { count: false })).toEqual({
      ...page,
      total: null,
    });
    expect(await client.bridge.bulk('approve', [987_654_321], { 987654321: 'hold' })).toEqual([
      {
        id: 987_654_321,
        outcome: 'failed',
        before: null,
        after: null,
        code: 'rest_comment_invalid_id',
        message: 'Invalid comment ID.',
      },
    ]);
  });

  it('is gone from the REST index and its routes are gone when deactivated', async () => {
    await setBridge(site, false);
    const index = (await (await fetch(siteId)).json()) as { namespaces: string[]; freigabe_bridge?: unknown };
    expect(index.namespaces).not.toContain('freigabe/v1');
    expect(index.freigabe_bridge).toBeUndefined();
    const route = await fetch(`${siteId}freigabe/v1/comments/ids`);
    expect(route.status).toBe(404);
    expect(((await route.json()) as { code: string }).code).toBe('rest_no_route');
  });
});
