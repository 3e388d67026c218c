import { render } from 'preact';
import { browser } from '../shared/browser.ts';
import { App } from './App.tsx';
import { bootQueue } from './boot.ts';
import { firstScreenSettled } from './first-screen.ts';

/** The tab the popup belongs to: the active tab, or `?tab=<id>` when the popup is opened as a page. */
async function ownerTab(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id !== undefined && !active.url?.startsWith(browser.runtime.getURL('')) ? active.id : null;
}

const root = document.getElementById('app');
if (root) {
  const db = bootQueue();
  // The shell is painted; the app's first frame waits a moment for the snapshot so it has the rows.
  const settled = firstScreenSettled();
  void settled.then(() => render(<App db={db} tabId={null} />, root));
  void Promise.all([settled, ownerTab()]).then(([, tabId]) => render(<App db={db} tabId={tabId} />, root));
}
