/** The popup in a tab of the popup's size, its queue (or "nothing waits") painted. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../../scripts/extension-browser.ts';

export async function openPopupPage(browser: ExtensionBrowser, height = 600): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 460, height });
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  await popup.waitForSelector('.queue [role="row"], .empty');
  return popup;
}
