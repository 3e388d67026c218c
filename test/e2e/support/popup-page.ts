/** The popup in a tab of the popup's size, its queue (or "nothing waits") painted; narrowed to a post. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionBrowser } from '../../../scripts/extension-browser.ts';

export async function openPopupPage(browser: ExtensionBrowser, height = 600): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 460, height });
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  await popup.waitForSelector('.queue [role="row"], .empty');
  return popup;
}

/** Syncs and picks the post in the queue's filter (one of its choices once the sync cached its comments). */
export async function showPost(popup: Page, siteId: string, post: number): Promise<void> {
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
  const postKey = `${siteId}\n${post}`;
  await expect
    .poll(
      () =>
        popup.$$eval('select[name="post"] option', (options) =>
          options.map((option) => (option as HTMLOptionElement).value),
        ),
      { timeout: 60_000 },
    )
    .toContain(postKey);
  await popup.selectOption('select[name="post"]', postKey);
}

/** The popup opened, synced and narrowed to the post's comments. */
export async function openPopupOnPost(browser: ExtensionBrowser, siteId: string, post: number): Promise<Page> {
  const popup = await openPopupPage(browser);
  await showPost(popup, siteId, post);
  return popup;
}
