/**
 * The browser's storage full at the moment of a decision (issue 13), in real Chromium: the
 * extension's origin gets a quota no bigger than what it uses (CDP Storage.overrideQuotaForOrigin),
 * so IndexedDB refuses the decision's transaction with QuotaExceededError. The popup says so at once
 * ("Not done: the browser's storage for Freigabe is full…") and keeps the comment listed, the
 * article's card says so too, nothing reaches WordPress — and with the quota back the same key works.
 * Screenshots: storage-full-popup.png, storage-full-inline.png.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, readStore, screenshot } from '../../scripts/extension-browser.ts';
import type { OutboxRow, SiteRow } from '../../src/shared/db/index.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const editor = user(wp, 'editor');
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchAsEditor(wp.url, editor, 1);
});
afterAll(async () => {
  await browser?.close();
});

const fullText = "Not done: the browser's storage for Freigabe is full, so nothing was saved or sent.";

/** Caps the extension's storage at what it uses now (a write that grows it fails); `null` lifts the cap. */
async function capStorage(cdp: CDPSession, origin: string, cap: boolean): Promise<void> {
  if (!cap) {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    return;
  }
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.max(1, Math.floor(usage)) });
}

async function openPopup(): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 460, height: 600 });
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  await popup.waitForSelector('.queue [role="row"], .empty');
  return popup;
}

describe('the browser’s storage full when a decision is made', () => {
  it('the popup and the article refuse it at once with the reason, keep the comment, send nothing; it works once there is room', async () => {
    const post = await admin.createPost({ title: 'Speicher voll' });
    const comment = await admin.createComment(post, {
      status: 'hold',
      author_name: 'Quirin Quota',
      content: 'Gespeichert oder nicht?',
    });
    const popup = await openPopup();
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
    const [site] = await readStore<SiteRow>(popup, 'sites');
    await popup.selectOption('select[name="post"]', `${site?.id}\n${post}`);
    await popup.waitForSelector(`[data-comment-id="${comment.id}"]`);
    const origin = `chrome-extension://${browser.extensionId}`;
    const cdp = await browser.context.newCDPSession(popup);

    await capStorage(cdp, origin, true);
    try {
      // The popup: a, and the toast says why; the comment stays listed.
      await popup.keyboard.press('a');
      await expect.poll(() => popup.locator('.toast.failed').textContent(), { timeout: 20_000 }).toContain(fullText);
      await expect.poll(() => popup.locator(`[data-comment-id="${comment.id}"]`).count()).toBe(1);
      await screenshot(popup, 'storage-full-popup');

      // The article: Approve on the card, and the card says why.
      const article = await browser.context.newPage();
      await article.goto(`${wp.url}/?p=${post}`);
      const ui = await shadowUi(article);
      await expect.poll(async () => (await ui.text('card')).length, { timeout: 30_000 }).toBe(1);
      await ui.click('card', 0, 'button[data-action="approve"]');
      await expect
        .poll(async () => (await ui.text('summary')).join(' ') + (await ui.text('card')).join(' '), {
          timeout: 20_000,
        })
        .toContain("the browser's storage for Freigabe is full");
      await article.evaluate(() =>
        document.querySelector('[data-freigabe-host="card"]')?.scrollIntoView({ block: 'center' }),
      );
      await screenshot(article, 'storage-full-inline');
      await ui.close();
      await article.close();

      // Nothing was kept, nothing sent.
      expect((await readStore<OutboxRow>(popup, 'outbox')).filter((row) => row.commentId === comment.id)).toEqual([]);
      expect((await admin.read(comment.id)).status).toBe('hold');
    } finally {
      await capStorage(cdp, origin, false);
    }

    // Room again: the same key works.
    await popup.locator(`[data-comment-id="${comment.id}"]`).click();
    await popup.keyboard.press('a');
    await expect.poll(async () => (await admin.read(comment.id)).status, { timeout: 30_000 }).toBe('approved');
    await popup.close();
  });
});
