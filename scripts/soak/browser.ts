/**
 * The moderator's browser in the soak: the test build in Chromium, connected to the site through
 * the fault proxy, one extension page (the popup as a tab) that sends the extension's own messages.
 * It can be killed with SIGKILL — as a crash or the OOM killer does — and started again on the
 * same profile.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { reloadExtension as reloadFromExtensionsPage } from '../../test/e2e/support/reload-extension.ts';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  readStore,
  writeSettings,
} from '../extension-browser.ts';
import { stopServiceWorker } from '../extension-worker.ts';
import type { SoakSite } from './sites.ts';

export interface SoakBrowser {
  current: ExtensionBrowser;
  page: Page;
  /** the pages the UI share works in (ui-popup.ts, ui-article.ts), by name; reopened after a fault */
  ui: Map<string, Page>;
}

/** A reply as the extension sends it: `{ ok, value }` or `{ ok: false, error }`. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/**
 * Work in a page, with a bound: a page that never answers (a frozen tab, an IndexedDB open that
 * waits for good) is an error here, which the soak's loop handles, instead of a soak that waits for
 * ever — a 10-minute run stood still for minutes in one.
 */
export async function bounded<T>(work: Promise<T>, what: string, timeoutMs = 60_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** One message from the extension page, with a bound: a worker that never answers is an error here. */
export async function send<T>(browser: SoakBrowser, message: unknown, timeoutMs = 60_000): Promise<Reply<T>> {
  const reply = await bounded(
    browser.page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply<T> | undefined>,
    `the message ${JSON.stringify(message).slice(0, 200)}`,
    timeoutMs,
  );
  return reply ?? { ok: false, error: { code: 'no_reply', message: 'no reply' } };
}

/** Connects the site through its fault proxy on the options page, as a user pastes an Application Password. */
async function connect(current: ExtensionBrowser, site: SoakSite): Promise<void> {
  const options = await connectWithApplicationPassword(
    current,
    site.proxy.url,
    site.editor.login,
    site.editor.applicationPassword,
  );
  const outcome = (await options.textContent('.connect-result')) ?? '';
  // Read in the page: the worker handle of a reloaded extension is gone.
  const sites = await readStore<{ id: string; origin: string; status: string }>(options, 'sites');
  await options.close();
  const stored = sites.find((one) => one.origin.startsWith(site.proxy.url));
  if (!stored) throw new Error(`${site.name}: not connected through the fault proxy: ${outcome}`);
  site.siteId = stored.id;
}

/** The test build in Chromium, every site connected (each through its proxy), one extension page open. */
export async function startSoakBrowser(sites: readonly SoakSite[], undoWindowSeconds: number): Promise<SoakBrowser> {
  const current = await launchWithExtension();
  for (const site of sites) await connect(current, site);
  // No notifications; the sync interval as a user might set it.
  await writeSettings(current.worker, { undoWindowSeconds, syncIntervalMinutes: 1, notifyNewPending: false });
  const page = await current.openExtensionPage('src/popup/index.html');
  return { current, page, ui: new Map() };
}

/**
 * One of the UI share's pages: the one open since the last fault, or a new tab of the size asked
 * for (a killed browser, a reloaded extension or a crash took the old one, or left it on a content
 * script whose extension is gone: faults close them all, see forgetUiPages).
 */
export async function uiPage(
  browser: SoakBrowser,
  name: string,
  size: { width: number; height: number },
): Promise<Page> {
  const open = browser.ui.get(name);
  const alive = (page: Page) =>
    bounded(
      page.evaluate(() => true),
      `the page ${name}`,
      10_000,
    ).catch(() => false);
  if (open && !open.isClosed() && (await alive(open))) return open;
  if (open && !open.isClosed()) await open.close().catch(() => undefined);
  const page = await browser.current.context.newPage();
  await page.setViewportSize(size);
  browser.ui.set(name, page);
  return page;
}

/** After a fault the UI pages are opened anew when next used (the old ones are closed if still there). */
async function forgetUiPages(browser: SoakBrowser): Promise<void> {
  for (const page of browser.ui.values()) if (!page.isClosed()) await page.close().catch(() => undefined);
  browser.ui.clear();
}

/** The sign-in expired and the user signs in again: the site connected anew with its new Application Password. */
export async function signInAgain(browser: SoakBrowser, site: SoakSite): Promise<void> {
  await connect(browser.current, site);
}

/**
 * The extension reloaded as an automatic update does (chrome://extensions' Reload): its worker and
 * pages end mid-whatever; the soak's page is opened again.
 */
export async function reloadExtension(browser: SoakBrowser): Promise<void> {
  await reloadFromExtensionsPage(browser.current);
  await forgetUiPages(browser);
  if (!browser.page.isClosed()) await browser.page.close().catch(() => undefined);
  browser.page = await browser.current.openExtensionPage('src/popup/index.html');
}

/** The browser's own process (not its renderers and helpers): found by its profile folder. */
function browserPid(userDataDir: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.find((line) => line.includes(`--user-data-dir=${userDataDir}`) && !line.includes('--type='));
  const pid = Number(main?.trim().split(/\s+/)[0]);
  if (!pid) throw new Error(`no Chromium process with the profile ${userDataDir}`);
  return pid;
}

/** SIGKILL to the browser, then the same profile again (the extension's IndexedDB survives, or not). */
export async function killAndRelaunch(browser: SoakBrowser): Promise<void> {
  const { userDataDir } = browser.current;
  process.kill(browserPid(userDataDir), 'SIGKILL');
  // Playwright notices the pipe closing; the context is gone, and the UI pages with it.
  browser.ui.clear();
  await browser.current.context.close().catch(() => undefined);
  // A killed Chromium leaves its profile lock behind.
  for (const lock of ['SingletonLock', 'SingletonSocket', 'SingletonCookie'])
    rmSync(join(userDataDir, lock), { force: true });
  browser.current = await launchWithExtension({ userDataDir });
  browser.page = await browser.current.openExtensionPage('src/popup/index.html');
}

/**
 * The browser or its page went away without the soak asking (a crash, the machine's OOM killer):
 * the page is opened again, or the browser started again on its profile. True when it had to.
 */
export async function revive(browser: SoakBrowser): Promise<boolean> {
  if (!browser.page.isClosed()) {
    const alive = await bounded(
      browser.page.evaluate(() => true),
      'the extension page',
      10_000,
    ).catch(() => false);
    if (alive) return false;
    await browser.page.close().catch(() => undefined);
  }
  try {
    browser.page = await browser.current.openExtensionPage('src/popup/index.html');
  } catch {
    const { userDataDir } = browser.current;
    browser.ui.clear();
    await browser.current.context.close().catch(() => undefined);
    for (const lock of ['SingletonLock', 'SingletonSocket', 'SingletonCookie'])
      rmSync(join(userDataDir, lock), { force: true });
    browser.current = await launchWithExtension({ userDataDir });
    browser.page = await browser.current.openExtensionPage('src/popup/index.html');
  }
  return true;
}

/** Stops the service worker as Chrome does when it lets one go (DevTools). */
export function stopWorker(browser: SoakBrowser): Promise<void> {
  return stopServiceWorker(browser.current, 15_000);
}

/** Every row of one of the extension's stores, read in its page (no worker woken). */
export function readRows<T>(browser: SoakBrowser, store: string): Promise<T[]> {
  return bounded(readStore<T>(browser.page, store), `reading ${store}`);
}

/** One row by its key, read in the extension page. */
export async function readRow<T>(browser: SoakBrowser, store: string, key: [string, number]): Promise<T | undefined> {
  const row: unknown = await bounded(
    browser.page.evaluate(
      async (where: { store: string; key: [string, number] }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('freigabe');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        try {
          return await new Promise<unknown>((resolve, reject) => {
            const request = db.transaction(where.store).objectStore(where.store).get(where.key);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        } finally {
          db.close();
        }
      },
      { store, key },
    ),
    `reading ${store} ${key.join(' ')}`,
  );
  return row as T | undefined;
}
