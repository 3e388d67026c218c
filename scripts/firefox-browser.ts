/**
 * Firefox with the extension's Firefox test build (dist/firefox-test), driven by puppeteer-core over
 * WebDriver BiDi. Firefox refuses automation that navigates to moz-extension:// URLs, so the test
 * build opens its options page on install, and extension pages are opened from there.
 */
import { resolve } from 'node:path';
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
  openExtensionPage(path: string): Promise<Page>;
  findPage(test: (href: string) => boolean, timeoutMs?: number): Promise<Page>;
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
): Promise<FirefoxWithExtension> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: set FIREFOX_PATH or install firefox-esr.');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
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
    findPage,
    async openExtensionPage(path) {
      // Firefox offers the chrome.* namespace with promises too.
      await options.evaluate((url) => void chrome.tabs.create({ url }), `${base}/${path}`);
      return findPage((href) => href === `${base}/${path}`);
    },
    close: () => browser.close(),
  };
}
