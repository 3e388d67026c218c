/**
 * Launches Chromium with the built extension (the test build in dist/chrome-test) and gives tests
 * the service worker, the extension id, extension pages as tabs and screenshots.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { findChromium } from './chromium.ts';
import { processSnapshot, StallError, withDeadline } from './deadline.ts';

/** Where screenshots go; the compat projects (WordPress 6.1) keep theirs apart. */
export const screenshotDir = resolve(process.env.FREIGABE_SCREENSHOTS ?? 'test-results/screenshots');

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  extensionUrl(path: string): string;
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser and starts it again with the same profile (the extension's data survives). */
  restart(): Promise<ExtensionBrowser>;
  close(): Promise<void>;
}

export const chromiumArgs = (extensionDir: string) => [
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long one start of Chromium may take before it is tried once more. */
const launchTimeoutMs = 60_000;

export async function launchWithExtension({
  extensionDir = resolve('dist/chrome-test'),
  headless = true,
  userDataDir = mkdtempSync(join(tmpdir(), 'freigabe-chromium-')),
  locale = 'en-US',
}: {
  extensionDir?: string;
  headless?: boolean;
  userDataDir?: string;
  locale?: string;
} = {}): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error("No Chromium found: set CHROME_PATH or install Debian's chromium (apt-get install chromium).");
  }
  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      locale,
      args: [...chromiumArgs(extensionDir), `--lang=${locale}`],
      // Chromium on Linux takes its UI language (and so the extension's) from the environment.
      env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
      viewport: { width: 1280, height: 900 },
      // A launch takes about half a second here. Playwright waits 180 s by default, longer than any
      // test: a start that hangs is given up after a minute and tried once more, and says so.
      timeout: launchTimeoutMs,
    });
  const context = await launch().catch((error: unknown) => {
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    console.warn(`Chromium did not start within ${launchTimeoutMs / 1000} s; starting it once more`);
    return launch();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  const close = () =>
    withDeadline('closing Chromium', 30_000, context.close()).catch((error: unknown) => {
      if (!(error instanceof StallError)) throw error;
      console.warn(`${error.message}: killing it`);
      killChromium(userDataDir);
    });
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    extensionUrl,
    openExtensionPage: (path) =>
      withDeadline(`opening ${path}`, 30_000, async () => {
        const page = await context.newPage();
        await page.goto(extensionUrl(path));
        return page;
      }),
    async restart() {
      await close();
      return launchWithExtension({ extensionDir, headless, userDataDir, locale });
    },
    async close() {
      await close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Kills the Chromium that runs on this profile (its processes name the profile on their command line). */
function killChromium(userDataDir: string): void {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${userDataDir}`))
        process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
}

/**
 * A browser made ready for a test — launched, then `prepare`d (signed in, connected, settings
 * written) — started once more from scratch if one of those steps stalls: each step has its own
 * deadline (StallError), and the stall is reported with what the machine was doing, so a hang that
 * a second browser does not repeat costs a minute and still leaves its trace in the output.
 */
export async function launchPrepared(
  launch: () => Promise<ExtensionBrowser>,
  prepare: (browser: ExtensionBrowser) => Promise<void>,
): Promise<ExtensionBrowser> {
  for (let attempt = 1; ; attempt++) {
    const browser = await launch();
    try {
      await prepare(browser);
      return browser;
    } catch (error) {
      await browser.close().catch(() => undefined);
      if (!(error instanceof StallError) || attempt === 2) throw error;
      console.warn(`${error.message}; starting a fresh browser. Processes at the stall:\n${processSnapshot()}`);
    }
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Logs the browser in to WordPress through its own login form. Submitted by Enter in the password
 * field, as a person does: a click on the form while it still lays out (a loaded machine) was lost
 * once in a CI rehearsal and the wait for wp-admin ran out.
 */
export function logInToWordPress(page: Page, siteUrl: string, login: string, password: string): Promise<void> {
  return withDeadline(`signing in to ${siteUrl} as ${login}`, 120_000, async () => {
    for (let attempt = 1; ; attempt++) {
      await page.goto(`${siteUrl}/wp-login.php`, { waitUntil: 'load' });
      await page.fill('#user_login', login);
      await page.fill('#user_pass', password);
      try {
        // Signed in once wp-admin's answer arrives (its cookie came with the redirect): the dashboard's
        // load event may wait long for remote avatars in the activity widget on this offline machine.
        await Promise.all([
          page.waitForURL(/wp-admin/, { timeout: 20_000, waitUntil: 'commit' }),
          page.press('#user_pass', 'Enter'),
        ]);
        return;
      } catch (error) {
        // The form was not sent (a full run saw the Enter lost while the login page's scripts still
        // loaded, and no POST reached WordPress): the form once more, as a person would.
        if (attempt === 3 || !(error instanceof Error && error.name === 'TimeoutError')) throw error;
        console.warn(`signing in to ${siteUrl} as ${login}: not signed in 20 s after Enter; the form once more`);
      }
    }
  });
}

/** Connects a site through the options page with an Application Password pasted by hand. */
export async function connectWithApplicationPassword(
  browser: ExtensionBrowser,
  siteUrl: string,
  username: string,
  password: string,
): Promise<Page> {
  return withDeadline(`connecting ${siteUrl} as ${username}`, 60_000, async () => {
    const options = await browser.openExtensionPage('src/options/index.html');
    await options.fill('input[name="url"]', siteUrl);
    await options.click('summary');
    await options.fill('input[name="username"]', username);
    await options.fill('input[name="password"]', password);
    await options.click('button[data-method="password"]');
    await options.waitForSelector('.connect-result.done, .connect-result.failed', { timeout: 30000 });
    return options;
  });
}

/**
 * Every row of one of the extension's IndexedDB stores, read inside its service worker — or inside
 * an extension page, which reads the same database without waking a stopped worker.
 */
export function readStore<T>(where: Worker | Page, store: string): Promise<T[]> {
  const readAll = async (name: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('freigabe');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  };
  return withDeadline(`reading the ${store} store`, 30_000, () =>
    'mainFrame' in where ? where.evaluate(readAll, store) : where.evaluate(readAll, store),
  );
}

/**
 * Sets the extension's settings where its options page stores them: the `settings` row of its
 * IndexedDB (src/shared/settings.ts), written inside its service worker or one of its pages. A raw
 * write sends no Dexie change notice: the worker applies a new sync interval when it next wakes.
 */
export function writeSettings(where: Worker | Page, settings: Record<string, number | boolean>): Promise<void> {
  const write = async (value: Record<string, number | boolean>) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('freigabe');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('settings', 'readwrite');
        transaction.objectStore('settings').put({ key: 'settings', value });
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  };
  return withDeadline('writing the settings', 30_000, () =>
    'mainFrame' in where ? where.evaluate(write, settings) : where.evaluate(write, settings),
  );
}

interface ServiceWorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops the extension's service worker as Chrome does when it lets one go (DevTools
 * `ServiceWorker.stopWorker`): its timers, fetches and memory are gone; the next event (a message,
 * an alarm, a tab opened or closed) starts it again, and `browser.worker` then evaluates in the new
 * instance. The ServiceWorker domain lives on page sessions, not on the browser session, so this
 * uses a tab that is already open: opening or closing one would wake the worker at once (its
 * `tabs.*` listeners). Resolves once no worker target of the extension is left.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, timeoutMs = 15_000): Promise<void> {
  const [page] = browser.context.pages();
  if (!page) throw new Error('stopServiceWorker: needs an open tab for its DevTools session');
  const cdp = await browser.context.newCDPSession(page);
  const targets = await browser.context.browser()?.newBrowserCDPSession();
  const versions = new Map<string, ServiceWorkerVersion>();
  /** versions seen stopped after the stop was asked for (an event may start one again at once: a job's alarm) */
  const seenStopped = new Set<string>();
  let asked = false;
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions as ServiceWorkerVersion[]) {
      versions.set(version.versionId, version);
      if (asked && version.runningStatus === 'stopped') seenStopped.add(version.versionId);
    }
  });
  const workerTargets = async () =>
    ((await targets?.send('Target.getTargets')) ?? { targetInfos: [] }).targetInfos
      .filter((info) => info.type === 'service_worker' && info.url === browser.worker.url())
      .map((info) => info.targetId);
  const ours = () => [...versions.values()].filter((version) => version.scriptURL.startsWith(browser.extensionUrl('')));
  const deadline = Date.now() + timeoutMs;
  const until = async (done: () => boolean | Promise<boolean>, what: string) => {
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`stopServiceWorker: ${what} within ${timeoutMs} ms`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
  };
  try {
    await cdp.send('ServiceWorker.enable');
    await until(() => ours().some((version) => version.runningStatus !== 'stopped'), 'no running worker seen');
    const before = await workerTargets();
    const stopping = ours().filter((version) => version.runningStatus !== 'stopped');
    asked = true;
    for (const version of stopping) await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    // Stopped once, and the old instance's target gone: a new instance may be running already (an
    // alarm or a message woke it at once) — what was in memory is gone either way.
    await until(async () => {
      const stopped = stopping.every(
        (version) => seenStopped.has(version.versionId) || versions.get(version.versionId)?.runningStatus === 'stopped',
      );
      const now = await workerTargets();
      return stopped && !before.some((id) => now.includes(id));
    }, 'the worker did not stop');
  } finally {
    await cdp.send('ServiceWorker.disable').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
    await targets?.detach().catch(() => undefined);
  }
}

/** A DevTools session attached to the extension's service worker (its commands and its events). */
export interface ServiceWorkerSession {
  call<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** the worker's DevTools events of this method (e.g. `Network.requestWillBeSent`) */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  close(): Promise<void>;
}

/**
 * A DevTools session to the extension's service worker, attached to its target from the browser
 * session. Sessions to workers are not exposed by Playwright, so the commands travel as
 * `Target.sendMessageToTarget`.
 */
export async function serviceWorkerSession(browser: ExtensionBrowser): Promise<ServiceWorkerSession> {
  const cdp = await browser.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('serviceWorkerSession: no browser session');
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((info) => info.type === 'service_worker' && info.url === browser.worker.url());
  if (!target) throw new Error('serviceWorkerSession: the service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: unknown };
  const waiting = new Map<number, (message: Message) => void>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as Message;
    if (message.id === undefined) {
      for (const listener of listeners.get(message.method ?? '') ?? []) listener(message.params ?? {});
      return;
    }
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  return {
    async call<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      const answer = new Promise<Message>((resolve) => waiting.set(id, resolve));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const { result, error } = await answer;
      if (!result) throw new Error(`${method}: ${JSON.stringify(error)}`);
      return result as T;
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}

/** The JavaScript heap of the extension's service worker (`Runtime.getHeapUsage`). */
export async function serviceWorkerHeap(browser: ExtensionBrowser): Promise<{
  usedBytes(): Promise<number>;
  collectGarbage(): Promise<void>;
  close(): Promise<void>;
}> {
  const session = await serviceWorkerSession(browser);
  return {
    async usedBytes() {
      return (await session.call<{ usedSize?: number }>('Runtime.getHeapUsage')).usedSize ?? 0;
    },
    async collectGarbage() {
      await session.call('HeapProfiler.collectGarbage');
    },
    close: () => session.close(),
  };
}
