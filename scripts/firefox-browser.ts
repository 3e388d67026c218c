/**
 * Firefox with the extension's Firefox test build (dist/firefox-test), driven by puppeteer-core over
 * WebDriver BiDi. Firefox refuses automation that navigates to moz-extension:// URLs, so the test
 * build opens its options page on install, and extension pages are opened from there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBinary } from './chromium.ts';

export const firefoxCandidates = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox(): string | null {
  return findBinary('FIREFOX_PATH', firefoxCandidates);
}

export interface FirefoxWithExtension {
  browser: Browser;
  options: Page;
  /** moz-extension://<uuid> of this installation */
  base: string;
  /** the profile folder (kept across `restart`) */
  profileDir: string;
  openExtensionPage(path: string): Promise<Page>;
  findPage(test: (href: string) => boolean, timeoutMs?: number): Promise<Page>;
  /**
   * Quits Firefox and starts it again on the same profile, the extension installed again. An
   * extension installed over BiDi is temporary, yet Firefox (ESR 153) keeps its UUID, so its
   * IndexedDB, across the restart, as for a permanent install.
   */
  restart(): Promise<FirefoxWithExtension>;
  close(): Promise<void>;
}

async function hrefOf(page: Page): Promise<string> {
  try {
    return await page.evaluate(() => location.href);
  } catch {
    return '';
  }
}

export async function launchFirefoxWithExtension(
  extensionDir = resolve('dist/firefox-test'),
  profileDir = mkdtempSync(join(tmpdir(), 'freigabe-firefox-')),
  /** Firefox preferences for this run (e.g. `extensions.background.idle.timeout`) */
  prefs: Record<string, unknown> = {},
): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: set FIREFOX_PATH or install firefox-esr.');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profileDir,
    extraPrefsFirefox: prefs,
    defaultViewport: { width: 1280, height: 900 },
  });
  await browser.installExtension(extensionDir);

  async function findPage(test: (href: string) => boolean, timeoutMs = 15000): Promise<Page> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const page of await browser.pages()) if (test(await hrefOf(page))) return page;
      await new Promise((done) => setTimeout(done, 100));
    }
    const open = await Promise.all((await browser.pages()).map(hrefOf));
    throw new Error(`page not found in Firefox; open: ${open.join(', ')}`);
  }

  const options = await findPage((href) => href.startsWith('moz-extension://') && href.includes('/src/options/'));
  // (URL#origin is "null" for moz-extension: URLs in Node.)
  const base = (await hrefOf(options)).split('/src/')[0] ?? '';
  return {
    browser,
    options,
    base,
    profileDir,
    findPage,
    async openExtensionPage(path) {
      const url = `${base}/${path}`;
      const open = new Set(await browser.pages());
      // Firefox offers the chrome.* namespace with promises too.
      await options.evaluate((url) => void chrome.tabs.create({ url }), url);
      // The new tab, not one opened before on the same page.
      const deadline = Date.now() + 15000;
      while (Date.now() < deadline) {
        for (const page of await browser.pages()) if (!open.has(page) && (await hrefOf(page)) === url) return page;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`${url} did not open in Firefox`);
    },
    async restart() {
      await browser.close();
      return launchFirefoxWithExtension(extensionDir, profileDir, prefs);
    },
    async close() {
      await browser.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
