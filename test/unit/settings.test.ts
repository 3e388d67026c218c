import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { ensureSyncAlarm, syncAlarm } from '../../src/background/sync/schedule.ts';
import {
  defaultSettings,
  moveSettingsOutOfStorageLocal,
  parseSettings,
  readSettings,
  saveSettings,
} from '../../src/shared/settings.ts';
import { testContext } from '../support/background-context.ts';
import { fakeBrowser, resetFakeBrowser } from '../support/fake-browser.ts';

const browser = fakeBrowser as unknown as Browser;

describe('settings', () => {
  beforeEach(resetFakeBrowser);

  it('defaults: 5 s undo window, sync every 2 minutes, no notifications, the queue in the popup, Unreplied not on the badge', () => {
    expect(defaultSettings).toEqual({
      undoWindowSeconds: 5,
      syncIntervalMinutes: 2,
      notifyNewPending: false,
      queueOpensIn: 'popup',
      countUnrepliedOnBadge: false,
    });
    expect(parseSettings(undefined)).toEqual(defaultSettings);
  });

  it('keeps valid fields and replaces damaged ones by their defaults', () => {
    expect(
      parseSettings({
        undoWindowSeconds: 10,
        syncIntervalMinutes: 'often',
        notifyNewPending: 'yes',
        queueOpensIn: 'tab',
        countUnrepliedOnBadge: 'sure',
      }),
    ).toEqual({
      undoWindowSeconds: 10,
      syncIntervalMinutes: 2,
      notifyNewPending: false,
      queueOpensIn: 'popup',
      countUnrepliedOnBadge: false,
    });
    // Chrome fires alarms 30 s apart at best: shorter intervals are refused.
    expect(parseSettings({ syncIntervalMinutes: 0.1, undoWindowSeconds: -3 })).toEqual(defaultSettings);
  });

  it('saves changes over what is stored', async () => {
    const { db } = testContext();
    await saveSettings(db, { undoWindowSeconds: 0 });
    await saveSettings(db, { syncIntervalMinutes: 10, notifyNewPending: true, queueOpensIn: 'panel' });
    expect(await readSettings(db)).toEqual({
      undoWindowSeconds: 0,
      syncIntervalMinutes: 10,
      notifyNewPending: true,
      queueOpensIn: 'panel',
      countUnrepliedOnBadge: false,
    });
  });

  it('the sync alarm follows the chosen interval', async () => {
    const ctx = testContext();
    await ensureSyncAlarm(ctx);
    expect((await fakeBrowser.alarms.get(syncAlarm))?.periodInMinutes).toBe(2);
    await saveSettings(ctx.db, { syncIntervalMinutes: 5 });
    await ensureSyncAlarm(ctx);
    expect((await fakeBrowser.alarms.get(syncAlarm))?.periodInMinutes).toBe(5);
  });

  it('live where content scripts cannot write: storage.local (open to every content script) changes nothing', async () => {
    const { db } = testContext();
    await saveSettings(db, { undoWindowSeconds: 20 });
    expect(await browser.storage.local.get(null)).toEqual({});
    // What a compromised content script could do: write storage.local.
    await browser.storage.local.set({ settings: { undoWindowSeconds: 0, syncIntervalMinutes: 60 } });
    expect(await readSettings(db)).toMatchObject({ undoWindowSeconds: 20, syncIntervalMinutes: 2 });
  });

  it('an earlier version’s settings move out of storage.local once, and are not read from there again', async () => {
    const { db } = testContext();
    await browser.storage.local.set({ settings: { undoWindowSeconds: 10, syncIntervalMinutes: 5 } });
    await moveSettingsOutOfStorageLocal(db, browser);
    expect(await readSettings(db)).toEqual({
      undoWindowSeconds: 10,
      syncIntervalMinutes: 5,
      notifyNewPending: false,
      queueOpensIn: 'popup',
      countUnrepliedOnBadge: false,
    });
    expect(await browser.storage.local.get(null)).toEqual({});
    await browser.storage.local.set({ settings: { undoWindowSeconds: 0 } });
    await moveSettingsOutOfStorageLocal(db, browser);
    expect((await readSettings(db)).undoWindowSeconds).toBe(10);
  });
});
