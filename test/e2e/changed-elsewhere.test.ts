/**
 * Another moderator without the Bridge (issue 13, ADR 035), in Chromium against the real WordPress:
 * the editor approves a comment in the popup; afterwards the administrator puts it back to pending
 * over REST; the next sync tells the editor once — "Changed by someone else after your decision: now
 * Pending." in the popup and on the article's card — until dismissed, and the next sync does not tell
 * it again. (The spam case is the unit test's: a spam comment is not on the article.)
 * Screenshots: changed-elsewhere-popup.png, changed-elsewhere-inline.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, readStore, screenshot } from '../../scripts/extension-browser.ts';
import type { OutboxRow, SiteRow } from '../../src/shared/db/index.ts';
import { maxTimeoutMs } from '../../src/shared/wp/client.ts';
import { restClient, restRoot, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { openPopupPage } from './support/popup-page.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const admin = adminApi(wp);
/** the other moderator: the administrator, straight over REST */
const colleague = restClient(restRoot(wp), user(wp, 'admin'));
const editor = user(wp, 'editor');
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchAsEditor(wp.url, editor, 0);
});
afterAll(async () => {
  await browser?.close();
});

const told = 'Changed by someone else after your decision: now Pending.';
const sync = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));

describe('another moderator without the Bridge', () => {
  it('a colleague puts back to pending what the editor approved: the next sync tells it once, in the popup and on the article', async () => {
    const post = await admin.createPost({ title: 'Zwei Moderatoren' });
    const comment = await admin.createComment(post, { status: 'hold', author_name: 'Kim Kollegin', content: 'Hm.' });
    const popup = await openPopupPage(browser);
    await sync(popup);
    const [site] = await readStore<SiteRow>(popup, 'sites');
    await popup.selectOption('select[name="post"]', `${site?.id}\n${post}`);
    await popup.waitForSelector(`[data-comment-id="${comment.id}"]`);
    await popup.keyboard.press('a');
    await expect.poll(async () => (await admin.read(comment.id)).status, { timeout: 30_000 }).toBe('approved');
    const rowOf = async () => (await readStore<OutboxRow>(popup, 'outbox')).find((row) => row.commentId === comment.id);
    await expect.poll(async () => (await rowOf())?.state, { timeout: 20_000 }).toBe('done');
    const sentAt = (await rowOf())?.sentAt ?? Date.now();

    await colleague('POST', `wp/v2/comments/${comment.id}`, { status: 'hold' });
    // The product's rule, not a timing assertion: a read tells only once the decision's request can
    // no longer be on its way (the client's timeout after it was answered).
    await new Promise((wait) => setTimeout(wait, Math.max(0, sentAt + maxTimeoutMs + 1_000 - Date.now())));
    await sync(popup);
    await expect.poll(() => popup.locator('.pending-decisions').textContent(), { timeout: 20_000 }).toContain(told);
    // Not counted as failed: it was done, then changed.
    expect(await popup.locator('.pending-decisions > button').textContent()).toBe('1 changed by someone else');
    await screenshot(popup, 'changed-elsewhere-popup');

    // The article's card says the same.
    const article = await browser.context.newPage();
    await article.goto(`${wp.url}/?p=${post}`);
    const ui = await shadowUi(article);
    await expect
      .poll(async () => (await ui.text('toolbar')).join(' ') + (await ui.text('card')).join(' '), { timeout: 30_000 })
      .toContain(told);
    await screenshot(article, 'changed-elsewhere-inline');
    await ui.close();
    await article.close();

    // Dismissed, it is not told again by the next sync; WordPress keeps the colleague's status.
    await popup.locator('.pending-decisions [data-action="dismiss"]').click();
    await expect.poll(async () => (await rowOf())?.state, { timeout: 10_000 }).toBe('done');
    await sync(popup);
    expect((await rowOf())?.state).toBe('done');
    expect(await popup.locator('.pending-decisions').count()).toBe(0);
    expect((await admin.read(comment.id)).status).toBe('hold');
    await popup.close();
  });
});
