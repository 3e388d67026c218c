/** The extension in a German browser speaks German (browser.i18n with _locales/de). */
import { afterAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshot } from '../../scripts/extension-browser.ts';

let browser: ExtensionBrowser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('German UI', () => {
  it('shows the popup and the options in German', async () => {
    browser = await launchWithExtension({ locale: 'de' });
    const popup = await browser.openExtensionPage('src/popup/index.html');
    await popup.setViewportSize({ width: 420, height: 320 });
    await popup.waitForSelector('.empty');
    expect(await popup.textContent('h1')).toBe('Wartet auf Freigabe');
    expect(await popup.textContent('.empty')).toContain('Noch kein Blog verbunden');
    expect(await popup.getAttribute('html', 'lang')).toBe('de');
    await screenshot(popup, 'popup-empty-german');
    const options = await browser.openExtensionPage('src/options/index.html');
    await options.waitForSelector('button[data-method="session"]');
    expect(await options.textContent('button[data-method="session"]')).toBe(
      'Meine WordPress-Anmeldung in diesem Browser nutzen',
    );
    await screenshot(options, 'options-german');
  });
});
