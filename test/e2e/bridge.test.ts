/**
 * The Freigabe Bridge in the built extension, in Chromium: a site with the plugin active shows it on
 * the options page (in English and, through the locale catalogue, in German); a site without it
 * shows nothing of the kind.
 */
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  readStore,
  screenshot,
} from '../../scripts/extension-browser.ts';
import { setBridge } from '../../scripts/wp/scenarios.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

afterAll(async () => {
  await setBridge(site, false);
});

describe('the Freigabe Bridge on the options page', () => {
  it('says the Bridge is active, with its version, for a site that has it', async () => {
    await setBridge(site, true);
    browser = await launchWithExtension();
    const options = await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
    const line = await options.waitForSelector('.site-row .bridge', { timeout: 30000 });
    expect(await line.textContent()).toBe('Freigabe Bridge 1.0.0 active — bulk actions run on the server');
    expect(await line.getAttribute('data-bridge')).toBe('1.0.0');
    await screenshot(options, 'options-bridge-active');
    const [stored] = await readStore<{ bridge?: { version: string; maxIds: number } | null }>(browser.worker, 'sites');
    expect(stored?.bridge).toMatchObject({ version: '1.0.0', maxIds: 1000 });
  });

  it('says nothing of it for a site without it', async () => {
    await setBridge(site, false);
    browser = await launchWithExtension();
    const options = await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
    await options.waitForSelector('.site-row');
    expect(await options.$('.site-row .bridge')).toBeNull();
    const [stored] = await readStore<{ bridge?: unknown }>(browser.worker, 'sites');
    expect(stored?.bridge).toBeNull();
  });
});
