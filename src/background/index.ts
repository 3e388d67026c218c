/**
 * The service worker. It can be stopped at any line (style habit 7): listeners are registered here,
 * synchronously, at the top level; IndexedDB and storage.session hold the truth.
 */

import { Dexie } from 'dexie';
import contentScriptFile from '../content/content-script.ts?iife';
import inlineScriptFile from '../content/inline/inline-view.ts?iife';
import partsFile from '../content/inline/parts-script.ts?iife';
import { browser } from '../shared/browser.ts';
import { type ChangeNotice, touchesTables } from '../shared/db/change-notice.ts';
import { openDb } from '../shared/db/index.ts';
import { moveSettingsOutOfStorageLocal } from '../shared/settings.ts';
import { updateBadges } from './badge.ts';
import { restoreContentScripts } from './content-scripts.ts';
import type { BackgroundContext } from './context.ts';
import { keepErrorReports } from './error-log.ts';
import { keepFirstScreen, writeFirstScreen } from './first-screen.ts';
import { contentHandlers, pageHandlers, refreshEverything } from './handlers.ts';
import { jobsAlarm, resumeAfterSignIn, runJobsAndReschedule } from './jobs/schedule.ts';
import { openFromNotification } from './notify.ts';
import { flushAndReschedule, outboxAlarm, scheduleFlush } from './outbox/schedule.ts';
import { applyQueueFrame, openPanelOnClick } from './queue-frame.ts';
import { refuseWritesWhenAsked } from './refuse-writes.ts';
import { createRouter } from './router.ts';
import { watchAuthorizeTab } from './sites/authorize-watch.ts';
import { ensureSyncAlarm, syncAlarm } from './sync/schedule.ts';
import { onTabFocused } from './tab-focus.ts';
import { setTabPage } from './tab-state.ts';

const ctx: BackgroundContext = {
  db: openDb(),
  browser,
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  random: () => Math.random(),
  contentScriptFile,
  inlineScriptFile,
  partsFile,
};
// Test builds: a test can make every database write fail, as a full disk does (ADR 035).
if (__FREIGABE_MODE__ === 'test') refuseWritesWhenAsked(ctx.db);

keepErrorReports(browser, self);
browser.runtime.onMessage.addListener(createRouter(ctx, contentHandlers, pageHandlers));
// The popup's first screen follows the cache (storage.session: written again after each change).
keepFirstScreen(ctx);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === syncAlarm) void refreshEverything(ctx);
  if (alarm.name === outboxAlarm) void flushAndReschedule(ctx);
  if (alarm.name === jobsAlarm) void runJobsAndReschedule(ctx);
});

browser.tabs.onActivated.addListener(({ tabId }) => void onTabFocused(ctx, tabId));
// The sync interval and what the toolbar button opens follow the settings (saved by the options
// page into the database).
Dexie.on('storagemutated', (notice: ChangeNotice) => {
  if (!touchesTables(notice, ctx.db.name, ['settings'])) return;
  void ensureSyncAlarm(ctx);
  void applyQueueFrame(ctx);
});
// Fired only while the side panel is chosen (no popup is set then).
browser.action.onClicked.addListener(() => openPanelOnClick(ctx));
browser.tabs.onRemoved.addListener((tabId) => void setTabPage(ctx, tabId, null));
browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  // A new page loads in the tab: forget the old article until the content script reports again.
  if (change.status === 'loading') {
    void setTabPage(ctx, tabId, null).then(() => updateBadges(ctx));
  }
  void watchAuthorizeTab(ctx, tabId, change, tab);
});

browser.runtime.onInstalled.addListener(() => {
  void start();
  // Firefox refuses automation that navigates a tab to moz-extension:// pages: the Firefox test
  // build opens its options page itself, and the tests drive everything from there.
  if (__FREIGABE_MODE__ === 'test' && __FREIGABE_TARGET__ === 'firefox') {
    void browser.tabs.create({ url: browser.runtime.getURL('src/options/index.html') });
  }
});
browser.runtime.onStartup.addListener(() => void start());

// Notifications are an optional permission: without it the API is missing until the user allows
// it (in the options), so the click listener is also added then.
let notificationClicks = false;
function listenToNotificationClicks(): void {
  if (notificationClicks || !browser.notifications) return;
  browser.notifications.onClicked.addListener((id) => void openFromNotification(ctx, id));
  notificationClicks = true;
}
listenToNotificationClicks();
browser.permissions.onAdded.addListener(() => listenToNotificationClicks());

async function start(): Promise<void> {
  await moveSettingsOutOfStorageLocal(ctx.db, browser);
  await ensureSyncAlarm(ctx);
  // Replay: decisions a stopped worker or a closed browser left behind go out now.
  void flushAndReschedule(ctx);
  await restoreContentScripts(ctx);
  await updateBadges(ctx);
  // storage.session is empty after a browser start: the first popup would read the cache itself.
  await writeFirstScreen(ctx);
}

// Alarms may be gone after a browser restart; make sure ours exist whenever the worker wakes, and
// that the toolbar button opens what the user chose.
void moveSettingsOutOfStorageLocal(ctx.db, browser).then(() =>
  Promise.all([ensureSyncAlarm(ctx), applyQueueFrame(ctx)]),
);
void scheduleFlush(ctx);
// A job the stopped worker or the closed browser left running goes on from its last chunk.
void resumeAfterSignIn(ctx).then(() => runJobsAndReschedule(ctx));
