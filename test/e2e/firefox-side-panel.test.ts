/**
 * The queue as Firefox's sidebar (the same page as Chrome's side panel, ADR 024), in Firefox ESR
 * over WebDriver BiDi. Automation cannot open the sidebar (Firefox opens it only from a user's
 * click), so the sidebar page runs in a tab, as in the Chromium test: it follows the tab the user
 * switches to and the page opened in it, decides by keyboard, and the options' choice takes the
 * popup off the toolbar button (whose click then opens the sidebar). Screenshot:
 * test-results/screenshots/firefox-side-panel.png.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../scripts/firefox-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { logIn, screenshot } from './support/firefox.ts';

const wp = inject('wp');
const admin = adminApi(wp);
let firefox: FirefoxWithExtension;
let panel: Page;
const posts = { first: 0, second: 0 };
const comments: Record<string, number> = {};

const headerText = () => panel.$eval('.article-header', (el) => el.textContent ?? '').catch(() => '');
const rowTexts = () =>
  panel.$$eval('.queue [role="row"]', (rows) =>
    rows.map((row) => (row.querySelector('.content')?.textContent ?? '').trim()),
  );

beforeAll(async () => {
  posts.first = await admin.createPost({ title: 'Sidebar: Der erste Artikel' });
  posts.second = await admin.createPost({ title: 'Sidebar: Der zweite Artikel' });
  const hold = async (post: number, content: string, author_name: string) =>
    (await admin.createComment(post, { status: 'hold', content, author_name })).id;
  comments.erste = await hold(posts.first, 'Wartet im ersten Sidebar-Artikel', 'Fritz Fuchs');
  comments.zweite = await hold(posts.second, 'Wartet im zweiten Sidebar-Artikel', 'Gerda Gans');

  firefox = await launchFirefoxWithExtension();
  const editor = user(wp, 'editor');
  const tab = await logIn(firefox, wp.url, editor.login, editor.password);
  await tab.close();
  await firefox.options.bringToFront();
  await firefox.options.type('input[name="url"]', wp.url);
  await firefox.options.click('button[data-method="session"]');
  await firefox.options.waitForSelector('.connect-result.done', { timeout: 30000 });
  await firefox.options.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
});

afterAll(async () => {
  await firefox?.close();
});

describe('Firefox: the queue as a sidebar', () => {
  it('follows the tab in front of the user and decides by keyboard', async () => {
    const article = await firefox.browser.newPage();
    await article.goto(`${wp.url}/?p=${posts.first}`);
    panel = await firefox.openExtensionPage('src/popup/sidepanel.html');
    await panel.setViewport({ width: 400, height: 760 });
    await panel.waitForSelector('.queue [role="row"]', { timeout: 20000 });

    await article.bringToFront();
    await expect.poll(headerText, { timeout: 20000 }).toContain('Sidebar: Der erste Artikel');
    await expect.poll(headerText).toContain('1 pending here');
    await expect.poll(async () => (await rowTexts())[0]).toBe('Wartet im ersten Sidebar-Artikel');

    // Another article in the same tab: the sidebar follows the page.
    await article.goto(`${wp.url}/?p=${posts.second}`);
    await expect.poll(headerText, { timeout: 20000 }).toContain('Sidebar: Der zweite Artikel');
    await expect.poll(async () => (await rowTexts())[0]).toBe('Wartet im zweiten Sidebar-Artikel');

    await panel.bringToFront();
    await screenshot(panel, 'side-panel');
    await panel.keyboard.press('a');
    await expect
      .poll(async () => (await admin.read(comments.zweite as number)).status, { timeout: 30000 })
      .toBe('approved');
    await expect.poll(headerText).toContain('nothing pending here');
  });

  it('the options take the popup off the toolbar button; the sidebar is the same page', async () => {
    const button = () =>
      firefox.options.evaluate(async () => {
        const api = chrome as unknown as {
          action: { getPopup(details: object): Promise<string> };
          sidebarAction: { getPanel(details: object): Promise<string> };
        };
        return { popup: await api.action.getPopup({}), sidebar: await api.sidebarAction.getPanel({}) };
      });
    await firefox.options.bringToFront();
    expect((await button()).popup).toMatch(/\/src\/popup\/index\.html$/);
    expect((await button()).sidebar).toMatch(/\/src\/popup\/sidepanel\.html$/);
    await firefox.options.click('input[name="queueOpensIn"][value="panel"]');
    await expect.poll(async () => (await button()).popup, { timeout: 10000 }).toBe('');
    await firefox.options.click('input[name="queueOpensIn"][value="popup"]');
    await expect.poll(async () => (await button()).popup, { timeout: 10000 }).toMatch(/\/src\/popup\/index\.html$/);
  });
});
