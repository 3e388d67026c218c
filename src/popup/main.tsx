import { render } from 'preact';
import { browser } from '../shared/browser.ts';
import { openDb } from '../shared/db/index.ts';
import { uiLanguage } from '../shared/i18n.ts';
import { sendToBackground } from '../shared/messages.ts';
import { reportError, reportUnhandledRejections } from '../shared/report-error.ts';
import { App } from './App.tsx';
import { readFirstScreenEarly } from './first-screen.ts';
import { prefetchFirstPage } from './queue/use-view-comments.ts';

document.documentElement.lang = uiLanguage();
reportUnhandledRejections(window, 'popup');

/** The tab the popup belongs to: the active tab, or `?tab=<id>` when the popup is opened as a page. */
async function ownerTab(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id !== undefined && !active.url?.startsWith(browser.runtime.getURL('')) ? active.id : null;
}

const root = document.getElementById('app');
if (root) {
  // The first screen the background keeps ready answers long before the cache is open.
  readFirstScreenEarly();
  const db = openDb();
  // The newest comments are read while the app renders its first frame.
  prefetchFirstPage(db);
  render(<App db={db} tabId={null} />, root);
  ownerTab().then((tabId) => render(<App db={db} tabId={tabId} />, root));
}
// The cache paints first; a sync runs behind it and the live queries pick up what it brings.
sendToBackground({ type: 'syncNow' }).catch((error: unknown) => reportError(error, { where: 'popup: sync on open' }));
