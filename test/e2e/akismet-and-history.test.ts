/**
 * Akismet's verdict and a commenter's history where the moderator works, in Chromium against the
 * real WordPress with Akismet (scenarios `akismet` + `akismet-answers`) and the Freigabe Bridge: the
 * popup row and the article's card and toolbar say "Akismet: spam · caught … · reported not spam by
 * redaktion"; "History" on the article's toolbar opens the queue in a tab with that commenter's
 * history, "act on all of them" included. An author on their own article gets the History (by name, no
 * spam, trash or addresses) and no Akismet line (no edit context). Screenshots: test-results/screenshots/akismet-line-popup.png,
 * akismet-line-inline.png, history-from-article.png, history-from-article-author.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, screenshot } from '../../scripts/extension-browser.ts';
import { setBridge, setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';
import { bulk } from '../support/bridge.ts';
import { basicAuth, postId, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { openPopupOnPost } from './support/popup-page.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const siteId = `${wp.url}/wp-json/`;
const run = Math.random().toString(36).slice(2, 8);
const email = `akismet.e2e.${run}@example.org`;
let browser: ExtensionBrowser;
let post = 0;
/** caught by Akismet, reported not spam by the editor: pending */
let reported = 0;
/** cleared by Akismet: approved, shown by the theme */
let cleared = 0;

/** A comment checked by Akismet on its way in (REST, as the administrator writes it for a visitor). */
async function written(answer: 'true' | 'false', name: string, content: string): Promise<number> {
  await setOptions(site, { freigabe_akismet_answer: answer });
  const response = await fetch(`${wp.url}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' },
    body: JSON.stringify({ post, content, author_name: name, author_email: email, author_ip: '198.51.100.203' }),
  });
  if (!response.ok) throw new Error(`comment: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

beforeAll(async () => {
  await setScenarios(site, []);
  await setBridge(site, true);
  post = await admin.createPost({ title: `Akismet im Test ${run}` });
  await setScenarios(site, ['akismet', 'akismet-answers']);
  cleared = await written('false', 'Clara Klar', 'Ein freundlicher Gedanke zum Artikel.');
  reported = await written('true', 'Clara Klar', 'Akismet hielt das für Spam, war es aber nicht.');
  const [unspammed] = await bulk(wp, editor, { action: 'unspam', ids: [reported] });
  expect(unspammed?.after).toBe('hold');
  const [approved] = await bulk(wp, editor, { action: 'approve', ids: [cleared] });
  expect(approved?.after).toBe('approved');
  await setScenarios(site, []);
  browser = await launchAsEditor(wp.url, editor, 2);
});

afterAll(async () => {
  await browser?.close();
  await setScenarios(site, []);
  await setOptions(site, { freigabe_akismet_answer: null, freigabe_akismet_calls: null });
  await admin.removePost(post).catch(() => undefined);
  await setBridge(site, false);
});

const line = (who: string) =>
  new RegExp(`^Akismet: spam · caught (now|\\d+ (seconds|minutes?) ago) · reported not spam by \\u2068${who}\\u2069$`);

describe('Akismet’s verdict and the history from the article', () => {
  it('the popup row says what Akismet decided and who reported it', async () => {
    const popup = await openPopupOnPost(browser, siteId, post);
    const row = popup.locator(`[data-comment-id="${reported}"]`);
    await expect
      .poll(() => row.locator('.akismet-line').textContent(), { timeout: 20_000 })
      .toMatch(line(editor.login));
    // Reported not spam since: the line informs, it does not warn.
    expect(await row.locator('.akismet-line.spam').count()).toBe(0);
    await screenshot(popup, 'akismet-line-popup');
    await popup.close();
  });

  it('the article shows the line on the card and the toolbar; History opens the commenter’s history in a tab', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`${wp.url}/?p=${post}`);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20_000 }).toBe(1);
    await expect
      .poll(async () => (await ui.text('card'))[0] ?? '')
      .toMatch(/Akismet: spam · caught .* · reported not spam by/);
    // The theme's approved comment: its toolbar says Akismet cleared it.
    await expect
      .poll(async () => (await ui.text('toolbar')).join('\n'), { timeout: 20_000 })
      .toMatch(/Akismet: not spam · cleared (now|\d+ (seconds|minutes?) ago)/);
    await ui.reveal('card', 0, '.akismet-line');
    await screenshot(page, 'akismet-line-inline');

    const toolbars = await ui.text('toolbar');
    const clearedToolbar = toolbars.findIndex((text) => text.includes('Akismet: not spam'));
    const opened = browser.context.waitForEvent('page');
    await ui.click('toolbar', clearedToolbar, 'button[data-action="history"]');
    const queue: Page = await opened;
    await queue.waitForLoadState();
    expect(new URL(queue.url()).searchParams.get('historyComment')).toBe(String(cleared));
    const panel = queue.locator('[role="dialog"].history-panel');
    await expect.poll(() => panel.locator('.history-scope').textContent(), { timeout: 20_000 }).toContain(email);
    expect(await panel.locator('h2').textContent()).toContain('Clara Klar');
    expect(await panel.locator('.history-counts div').allTextContents()).toEqual([
      'Approved1',
      'Pending1',
      'Spam0',
      'Trash0',
    ]);
    await screenshot(queue, 'history-from-article');
    // Act on all of them, as from the popup: the job sheet with the address.
    await panel.locator('[data-action="history-job"][data-status="approved"]').click();
    const sheet = queue.locator('[role="dialog"].job-sheet');
    expect(await sheet.locator('input[name="job-author-email"]').inputValue()).toBe(email);
    await queue.close();
    await page.close();
  });

  it('an author on their own article: History by name only, no Akismet line; the reactions overview opens', async () => {
    const author = user(wp, 'author');
    const article = postId(wp, 'article');
    const { id: mine } = await admin.createComment(article, {
      status: 'approved',
      author_name: 'Clara Klar',
      author_email: email,
      content: `Eine Frage an die Autorin ${run}`,
    });
    const authorBrowser = await launchAsEditor(wp.url, author, 2);
    try {
      const page = await authorBrowser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 900 });
      // Its permalink: the article's comment page that shows it (the demo article has many).
      const linked = await fetch(`${wp.url}/wp-json/wp/v2/comments/${mine}?_fields=link`);
      await page.goto(((await linked.json()) as { link: string }).link);
      const ui = await shadowUi(page);
      // The toolbar under that comment (document order, as the shadow UI counts hosts).
      const toolbarOf = () =>
        page.evaluate(
          (id) =>
            [...document.querySelectorAll('[data-freigabe-host="toolbar"]')].findIndex(
              (host) => host.closest('[id^="comment-"]')?.id === `comment-${id}`,
            ),
          mine,
        );
      await expect.poll(toolbarOf, { timeout: 20_000 }).toBeGreaterThanOrEqual(0);
      const index = await toolbarOf();
      expect((await ui.text('toolbar'))[index]).not.toContain('Akismet');
      const opened = authorBrowser.context.waitForEvent('page');
      await ui.click('toolbar', index, 'button[data-action="history"]');
      const queue: Page = await opened;
      const panel = queue.locator('[role="dialog"].history-panel');
      await expect
        .poll(() => panel.locator('.history-scope').getAttribute('data-history-by'), { timeout: 20_000 })
        .toBe('name');
      expect(await panel.locator('.history-counts dt').allTextContents()).toEqual(['Approved', 'Pending']);
      expect(await panel.textContent()).not.toContain(email);
      expect(await panel.locator('[data-action="history-job"]').count()).toBe(0);
      await screenshot(queue, 'history-from-article-author');
      // The reactions overview is the author's too: its file (the parts file, ADR 030) is injected
      // for an author's tab as for a moderator's, and it counts this comment among the published.
      await ui.click('summary', 0, 'button[aria-expanded]');
      await expect.poll(async () => (await ui.text('reactions')).join(' '), { timeout: 10_000 }).toMatch(/published/);
      expect(Number(/(\d+)\s*published/.exec((await ui.text('reactions')).join(' '))?.[1])).toBeGreaterThan(0);
    } finally {
      await authorBrowser.close();
      await admin.remove(mine).catch(() => undefined);
    }
  });
});
