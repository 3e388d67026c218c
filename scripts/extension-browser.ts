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

/** Signs the browser in to WordPress in a tab of its own, closed again (the cookies stay). */
export async function logInInNewTab(
  browser: ExtensionBrowser,
  siteUrl: string,
  account: { login: string; password: string },
): Promise<void> {
  const page = await withDeadline('opening a tab', 30_000, browser.context.newPage());
  await logInToWordPress(page, siteUrl, account.login, account.password);
  await withDeadline('closing the tab', 30_000, page.close());
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
