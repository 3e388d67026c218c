/**
 * The optional notification of new pending comments: only when the user turned it on and allowed
 * notifications, once for ids not cached before, never for the first sync or one the user asked for.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackgroundContext } from '../../../src/background/context.ts';
import { pageHandlers } from '../../../src/background/handlers.ts';
import { newPendingNotification, openFromNotification } from '../../../src/background/notify.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { saveSettings } from '../../../src/shared/settings.ts';
import { connectedSite, failingWhere, pendingComments, siteId } from '../../support/connected-site.ts';
import { fakeBrowser, grantedPermissions, resetFakeBrowser } from '../../support/fake-browser.ts';

const shown = () =>
  fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string; title: string }>;

async function notifyingSite(count: number) {
  const site = await connectedSite(pendingComments(count));
  await saveSettings(site.ctx.db, { notifyNewPending: true });
  grantedPermissions.add('notifications');
  // The first sync caches what was there before: nothing about it is new.
  await syncPending(site.ctx, siteId);
  expect(shown()).toEqual({});
  return site;
}

async function later(ctx: BackgroundContext, clock: { now: number }) {
  clock.now += 120_000;
  return syncPending(ctx, siteId);
}

describe('new pending notification', () => {
  beforeEach(resetFakeBrowser);

  it('announces comments not cached before, once', async () => {
    const { ctx, wordpress, clock } = await notifyingSite(5);
    wordpress.comments.push(...pendingComments(3, 9, 100));
    await later(ctx, clock);
    expect(shown()).toEqual({
      [`${newPendingNotification}${siteId}`]: expect.objectContaining({
        type: 'basic',
        title: 'Freigabe Demo',
        message: '3 new comments on Freigabe Demo',
      }),
    });
    await fakeBrowser.notifications.clear(`${newPendingNotification}${siteId}`);
    await later(ctx, clock);
    expect(shown()).toEqual({});
    wordpress.comments.push({ id: 200, post: 4, status: 'hold', type: 'comment' });
    await later(ctx, clock);
    expect(Object.values(shown()).map((n) => n.message)).toEqual(['1 new comment on Freigabe Demo']);
  });

  it('never when the setting is off (the default), nor without the permission', async () => {
    const { ctx, wordpress, clock } = await notifyingSite(2);
    await saveSettings(ctx.db, { notifyNewPending: false });
    wordpress.comments.push(...pendingComments(2, 4, 100));
    await later(ctx, clock);
    expect(shown()).toEqual({});
    await saveSettings(ctx.db, { notifyNewPending: true });
    grantedPermissions.delete('notifications');
    wordpress.comments.push(...pendingComments(2, 4, 200));
    await later(ctx, clock);
    expect(shown()).toEqual({});
  });

  it('not for a sync the user asked for in the popup', async () => {
    const { ctx, wordpress, clock } = await notifyingSite(2);
    wordpress.comments.push(...pendingComments(2, 4, 100));
    clock.now += 120_000;
    await pageHandlers.syncNow(ctx, { type: 'syncNow', siteId });
    expect(shown()).toEqual({});
  });

  it('counts what a stopped sync found before it stopped', async () => {
    const { ctx, wordpress, clock } = await notifyingSite(150);
    wordpress.comments.push(...pendingComments(120, 4, 1000));
    clock.now += 120_000;
    const stopped = failingWhere(wordpress.fetch, (url) => url.searchParams.get('offset') === '200');
    await expect(syncPending({ ...ctx, fetch: stopped }, siteId)).rejects.toThrow();
    expect(shown()).toEqual({});
    clock.now += 10_000;
    await syncPending(ctx, siteId);
    expect(Object.values(shown()).map((n) => n.message)).toEqual(['120 new comments on Freigabe Demo']);
  });

  it('a click opens the queue in a tab and closes the notification', async () => {
    const { ctx, wordpress, clock } = await notifyingSite(1);
    wordpress.comments.push(...pendingComments(2, 4, 100));
    await later(ctx, clock);
    const [id = ''] = Object.keys(shown());
    await openFromNotification(ctx, id);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(ctx.browser.runtime.getURL('src/popup/index.html'));
    expect(shown()).toEqual({});
    // Someone else's notification is not ours to open.
    const before = tabs.length;
    await openFromNotification(ctx, 'other');
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
  });
});
