/**
 * Launches Chromium with the built extension (the test build in dist/chrome-test) and gives tests
 * the service worker, the extension id, extension pages as tabs and screenshots.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { findChromium } from './chromium.ts';

export const screenshotDir = resolve('test-results/screenshots');

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
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    locale,
    args: [...chromiumArgs(extensionDir), `--lang=${locale}`],
    // Chromium on Linux takes its UI language (and so the extension's) from the environment.
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    async restart() {
      await context.close();
      return launchWithExtension({ extensionDir, headless, userDataDir, locale });
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Logs the browser in to WordPress through its own login form. */
export async function logInToWordPress(page: Page, siteUrl: string, login: string, password: string): Promise<void> {
  await page.goto(`${siteUrl}/wp-login.php`);
  await page.fill('#user_login', login);
  await page.fill('#user_pass', password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
}

/** Connects a site through the options page with an Application Password pasted by hand. */
export async function connectWithApplicationPassword(
  browser: ExtensionBrowser,
  siteUrl: string,
  username: string,
  password: string,
): Promise<Page> {
  const options = await browser.openExtensionPage('src/options/index.html');
  await options.fill('input[name="url"]', siteUrl);
  await options.click('summary');
  await options.fill('input[name="username"]', username);
  await options.fill('input[name="password"]', password);
  await options.click('button[data-method="password"]');
  await options.waitForSelector('.connect-result.done, .connect-result.failed', { timeout: 30000 });
  return options;
}

/** Every row of one of the extension's IndexedDB stores, read inside its service worker. */
export function readStore<T>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(async (name) => {
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
  }, store);
}
