/**
 * What the popup and the side panel do before their first frame (one app in two frames, ADR 024):
 * the first screen the background keeps ready, the cache opened, its newest comments read while
 * the app renders, and a sync behind it whose results the live queries pick up.
 */
import { type FreigabeDb, openDb } from '../shared/db/index.ts';
import { uiLanguage } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/messages.ts';
import { reportError, reportUnhandledRejections } from '../shared/report-error.ts';
import { readFirstScreenEarly } from './first-screen.ts';
import { prefetchFirstPage } from './queue/use-view-comments.ts';

export function bootQueue(): FreigabeDb {
  // bench:popup: what of the time from the first paint to the first rows is loading the app's script.
  performance.mark('freigabe:script-start');
  document.documentElement.lang = uiLanguage();
  reportUnhandledRejections(window, 'popup');
  // The first screen the background keeps ready answers long before the cache is open.
  readFirstScreenEarly();
  const db = openDb();
  // The newest comments are read while the app renders its first frame.
  prefetchFirstPage(db);
  // The cache paints first; a sync runs behind it and the live queries pick up what it brings.
  sendToBackground({ type: 'syncNow' }).catch((error: unknown) => reportError(error, { where: 'popup: sync on open' }));
  return db;
}
