/**
 * The popup, the options and the inline toolbars on a phone (Firefox for Android opens the popup
 * full-screen): 360 × 640 with touch emulated in Chromium. Every button is at least 44 × 44 px
 * (measured), nothing scrolls sideways, no keyboard hints show, and taps decide comments that
 * WordPress then has. Screenshots: test-results/screenshots/phone-*.
 */

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, screenshotDir } from '../../scripts/extension-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { asPhone, phoneSize } from './support/phone.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const finger = 44;

let browser: ExtensionBrowser;
let post: number;
const comments: Record<string, number> = {};

const tooSmall = (boxes: { label: string; width: number; height: number }[]) =>
  boxes.filter((box) => box.width < finger - 0.5 || box.height < finger - 0.5);
const statusOf = async (id: number) => (await admin.read(id)).status;

/** What the phone's screen shows (not the full page: Playwright's full-page capture resets the emulation). */
const screenshot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) });

async function phonePage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(phoneSize);
  await page.goto(path.startsWith('http') ? path : browser.extensionUrl(path));
  return page;
}

beforeAll(async () => {
  post = await admin.createPost({ title: 'Am Telefon moderiert' });
  const hold = async (content: string, author_name: string) =>
    (await admin.createComment(post, { status: 'hold', content, author_name })).id;
  comments.tippen = await hold('Mit dem Finger freigeben', 'Tina Tipp');
  comments.wischen = await hold('Ein zweiter Kommentar zum Tippen', 'Willi Wisch');
  comments.toolbar = await hold('Auf der Seite freigeben', 'Paula Page');
  browser = await launchAsEditor(wp.url, editor, 1);
});

afterAll(async () => {
  await browser?.close();
});

describe('on a phone (360 × 640, touch)', () => {
  it('the popup: 44 px targets, no sideways scroll, no keyboard hints, decided by taps', async () => {
    const popup = await phonePage('src/popup/index.html');
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
    const phone = await asPhone(popup);
    await popup.selectOption('select[name="post"]', `${wp.url}/wp-json/\n${post}`);
    await expect.poll(() => popup.locator('.queue [role="row"]').count(), { timeout: 20000 }).toBe(3);

    expect(await phone.scrollsSideways()).toBe(false);
    expect(tooSmall(await phone.sizes('button'))).toEqual([]);
    expect(tooSmall(await phone.sizes('select, input[type="search"], input[type="text"]'))).toEqual([]);
    // A row's select box: the label around it is what the finger hits.
    expect((await phone.sizes('.queue label.select-target')).length).toBe(3);
    expect(tooSmall(await phone.sizes('.queue label.select-target'))).toEqual([]);
    expect(await phone.sizes('kbd, .key-hint, .help-button')).toEqual([]);
    // The active row's actions are there without hovering anything.
    expect((await phone.sizes('[role="row"].active button[data-action]')).length).toBeGreaterThan(2);
    await screenshot(popup, 'phone-popup');

    // A tap on another row makes it the active one, a tap on its Approve decides it.
    const willi = `[data-comment-id="${comments.wischen}"]`;
    await phone.tap(`${willi} .content`);
    await expect.poll(() => popup.locator(`${willi}.active`).count()).toBe(1);
    await phone.tap(`${willi} button[data-action="approve"]`);
    await expect.poll(() => statusOf(comments.wischen as number), { timeout: 20000 }).toBe('approved');
    await expect.poll(() => popup.locator('.queue [role="row"]').count()).toBe(2);
    // The undo toast's buttons too.
    await popup.waitForSelector('.toast button');
    expect(tooSmall(await phone.sizes('button'))).toEqual([]);
    await screenshot(popup, 'phone-popup-after-tap');
  });

  it('the options: 44 px targets, no sideways scroll, the keyboard section hidden, a tap saves', async () => {
    const options = await phonePage('src/options/index.html');
    const phone = await asPhone(options);
    await options.waitForSelector('.settings');
    expect(await phone.scrollsSideways()).toBe(false);
    expect(tooSmall(await phone.sizes('button, select, summary, input[type="url"], label.check'))).toEqual([]);
    expect(await phone.sizes('.keyboard, kbd')).toEqual([]);
    await screenshot(options, 'phone-options');
    await options.locator('fieldset.choice').scrollIntoViewIfNeeded();
    await screenshot(options, 'phone-options-settings');

    await phone.tap('input[name="queueOpensIn"][value="panel"]');
    await expect.poll(() => options.isChecked('input[name="queueOpensIn"][value="panel"]')).toBe(true);
    await phone.tap('input[name="queueOpensIn"][value="popup"]');
    await expect.poll(() => options.isChecked('input[name="queueOpensIn"][value="popup"]')).toBe(true);
  });

  it('the inline toolbars on the article: 44 px targets a finger can approve with', async () => {
    const article = await phonePage(`${wp.url}/?p=${post}`);
    const phone = await asPhone(article);
    const ui = await shadowUi(article);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBeGreaterThan(0);
    const buttons = await ui.boxes('card', 'button');
    expect(buttons.length).toBeGreaterThan(2);
    expect(tooSmall(buttons)).toEqual([]);
    expect(tooSmall(await ui.boxes('summary', 'button'))).toEqual([]);
    // The toolbar under a published comment (Willi's, approved by a tap above).
    await expect.poll(async () => (await ui.boxes('toolbar', 'button')).length, { timeout: 20000 }).toBeGreaterThan(2);
    expect(tooSmall(await ui.boxes('toolbar', 'button'))).toEqual([]);
    expect(await ui.boxes('card', 'kbd, .key-hint')).toEqual([]);
    expect(await phone.scrollsSideways()).toBe(false);

    const paula = (await ui.text('card')).findIndex((text) => text.includes('Paula Page'));
    expect(paula).toBeGreaterThanOrEqual(0);
    await ui.reveal('card', paula, 'button[data-action="approve"]');
    await screenshot(article, 'phone-inline');
    const approve = (await ui.boxes('card', 'button[data-action="approve"]'))[paula];
    if (!approve) throw new Error('no approve button on Paula’s card');
    await phone.tapAt(approve);
    await expect.poll(() => statusOf(comments.toolbar as number), { timeout: 20000 }).toBe('approved');
    await ui.close();
  });
});
