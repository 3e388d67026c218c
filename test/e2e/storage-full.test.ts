/**
 * The browser's storage full at the moment of a decision (issue 13), in real Chromium: the test
 * build's hook (src/background/refuse-writes.ts) makes every write of the service worker's database
 * fail with QuotaExceededError, so IndexedDB aborts the decision's transaction as on a full disk
 * (CDP's Storage.overrideQuotaForOrigin was tried first: it does not reach an extension's
 * IndexedDB — the write went through). The popup says so at once
 * ("Not done: the browser's storage for Freigabe is full…") and keeps the comment listed, the
 * article's card says so too, nothing reaches WordPress — and with the quota back the same key works.
 * Screenshots: storage-full-popup.png, storage-full-inline.png.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, readStore, screenshot } from '../../scripts/extension-browser.ts';
import type { OutboxRow, SiteRow } from '../../src/shared/db/index.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { openPopupPage } from './support/popup-page.ts';
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

/** The extension's service worker now (a stopped one is started again by the popup's messages). */
const currentWorker = (): Worker => {
  const workers = browser.context.serviceWorkers().filter((worker) => worker.url().includes(browser.extensionId));
  const worker = workers.at(-1);
  if (!worker) throw new Error('no service worker');
  return worker;
};

/** Every write of the worker's database fails with QuotaExceededError while `full` (test builds only). */
async function diskFull(full: boolean): Promise<void> {
  await currentWorker().evaluate((on) => {
    const scope = globalThis as { freigabeRefuseWrites?: string };
    if (on) scope.freigabeRefuseWrites = 'QuotaExceededError';
    else delete scope.freigabeRefuseWrites;
  }, full);
}

const openPopup = (): Promise<Page> => openPopupPage(browser);

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
    await diskFull(true);
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
      // Still full (set again: a worker stopped meanwhile would have started without the flag).
      await diskFull(true);
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
      await diskFull(false);
    }

    // Room again: the same key works.
    await popup.locator(`[data-comment-id="${comment.id}"]`).click();
    await popup.keyboard.press('a');
    await expect.poll(async () => (await admin.read(comment.id)).status, { timeout: 30_000 }).toBe('approved');
    await popup.close();
  });
});
