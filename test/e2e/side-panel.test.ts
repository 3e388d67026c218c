/**
 * The queue as a side panel in Chromium against the real WordPress (ADR 024). The panel page is
 * opened as the extension page it is, in a narrow tab of the test browser's window (a test cannot
 * click the toolbar button): it follows the tab the user switches to and the page they open in it
 * (that article's comments first, its pending count in the header), decisions by keyboard reach
 * WordPress, and the options' choice changes what the toolbar button opens as far as Chromium
 * shows it (the action's popup and the side panel's behaviour). Screenshots: test-results/screenshots/side-panel-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, screenshot } from '../../scripts/extension-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);

let browser: ExtensionBrowser;
let panel: Page;
const posts = { first: 0, second: 0 };
const comments: Record<string, number> = {};

const headerText = () => panel.$eval('.article-header', (el) => el.textContent ?? '').catch(() => '');
const rowTexts = () =>
  panel.$$eval('.queue [role="row"]', (rows) =>
    rows.map((row) => (row.querySelector('.content')?.textContent ?? '').trim()),
  );
const activeText = () =>
  panel.$eval('.queue [role="row"].active', (row) => (row.querySelector('.content')?.textContent ?? '').trim());

beforeAll(async () => {
  posts.first = await admin.createPost({ title: 'Seitenleiste: Der erste Artikel' });
  posts.second = await admin.createPost({ title: 'Seitenleiste: Der zweite Artikel' });
  const hold = async (post: number, content: string, author_name: string) =>
    (await admin.createComment(post, { status: 'hold', content, author_name })).id;
  comments.erste = await hold(posts.first, 'Wartet im ersten Artikel', 'Erna Erst');
  comments.zweite = await hold(posts.first, 'Wartet auch im ersten', 'Zora Zwei');
  comments.dritte = await hold(posts.second, 'Wartet im zweiten Artikel', 'Dora Dritt');
  browser = await launchAsEditor(wp.url, editor, 1);
});

afterAll(async () => {
  await browser?.close();
});

describe('the queue as a side panel', () => {
  it('follows the tab in front of the user, puts its article first, and decides by keyboard', async () => {
    const first = await browser.context.newPage();
    await first.goto(`${wp.url}/?p=${posts.first}`);
    const second = await browser.context.newPage();
    await second.goto(`${wp.url}/?p=${posts.second}`);

    panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 760 });
    await panel.goto(browser.extensionUrl('src/popup/sidepanel.html'));
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
    await panel.waitForSelector('.queue [role="row"]');

    // The user switches to the first article: the panel names it, counts it, lists it first.
    await first.bringToFront();
    await expect.poll(headerText, { timeout: 20000 }).toContain('Seitenleiste: Der erste Artikel');
    await expect.poll(headerText).toContain('2 pending here');
    await expect
      .poll(async () => (await rowTexts()).slice(0, 2).sort())
      .toEqual(['Wartet auch im ersten', 'Wartet im ersten Artikel']);

    // … then to the second one.
    await second.bringToFront();
    await expect.poll(headerText, { timeout: 20000 }).toContain('Seitenleiste: Der zweite Artikel');
    await expect.poll(headerText).toContain('1 pending here');
    await expect.poll(async () => (await rowTexts())[0]).toBe('Wartet im zweiten Artikel');

    // … and, in the same tab, opens the first article again: the panel follows the new page.
    await second.goto(`${wp.url}/?p=${posts.first}`);
    await expect.poll(headerText, { timeout: 20000 }).toContain('Seitenleiste: Der erste Artikel');

    // Into the panel (it keeps following the page the user came from, not itself).
    await panel.bringToFront();
    await panel.click('.article-header button');
    await expect
      .poll(async () => (await rowTexts()).sort())
      .toEqual(['Wartet auch im ersten', 'Wartet im ersten Artikel']);
    expect(await panel.getAttribute('.article-header button', 'aria-pressed')).toBe('true');
    await screenshot(panel, 'side-panel-article');

    // The keyboard works here as in the popup: a approves the active comment, j moves on.
    const firstActive = await activeText();
    await panel.keyboard.press('a');
    await expect.poll(headerText).toContain('1 pending here');
    await expect.poll(async () => (await rowTexts()).length).toBe(1);
    const approved = firstActive === 'Wartet im ersten Artikel' ? comments.erste : comments.zweite;
    await expect.poll(async () => (await admin.read(approved as number)).status, { timeout: 20000 }).toBe('approved');

    // All articles again: the rest of the queue behind this article's one remaining comment.
    await panel.click('.article-header button');
    await expect.poll(async () => (await rowTexts()).length).toBeGreaterThan(1);
    expect((await rowTexts())[0]).toMatch(/^Wartet (auch )?im ersten/);
    await screenshot(panel, 'side-panel-all');

    // Chrome's narrowest side panel (320 px), in the dark: nothing scrolls sideways.
    await panel.setViewportSize({ width: 320, height: 760 });
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(
      await panel.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth),
    ).toBe(false);
    await screenshot(panel, 'side-panel-narrow-dark');
  });

  it('the options choose what the toolbar button opens: the popup or the side panel', async () => {
    const options = await browser.openExtensionPage('src/options/index.html');
    const button = () =>
      browser.worker.evaluate(async () => {
        const api = chrome as unknown as {
          action: { getPopup(details: object): Promise<string> };
          sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> };
        };
        const popup = await api.action.getPopup({});
        const behavior = await api.sidePanel.getPanelBehavior();
        return { popup: popup.replace(/^chrome-extension:\/\/[^/]+\//, ''), panel: behavior.openPanelOnActionClick };
      });
    expect(await button()).toEqual({ popup: 'src/popup/index.html', panel: false });

    await options.check('input[name="queueOpensIn"][value="panel"]');
    await expect.poll(button, { timeout: 10000 }).toEqual({ popup: '', panel: true });
    await options.locator('input[name="queueOpensIn"][value="panel"]').scrollIntoViewIfNeeded();
    await screenshot(options, 'side-panel-options');

    // The choice survives the options page closing and the worker waking again.
    await options.reload();
    expect(await options.isChecked('input[name="queueOpensIn"][value="panel"]')).toBe(true);

    await options.check('input[name="queueOpensIn"][value="popup"]');
    await expect.poll(button, { timeout: 10000 }).toEqual({ popup: 'src/popup/index.html', panel: false });
  });
});
