/**
 * Commenter tools in Chromium against the real WordPress: one click on a commenter's name in a popup
 * row opens their history as WordPress has it; "Unreplied" lists an approved comment its post's author
 * has not answered, and a quick reply from there reaches WordPress. Screenshots:
 * test-results/screenshots/commenter-history.png, commenter-history-job.png, unreplied.png, unreplied-reply.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  writeSettings,
} from '../../scripts/extension-browser.ts';
import { restRequest, restRoot, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { openPopupPage } from './support/popup-page.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const siteId = `${wp.url}/wp-json/`;
const run = Math.random().toString(36).slice(2, 8);
const created: number[] = [];
const posts: number[] = [];
let browser: ExtensionBrowser;

const openPopup = (): Promise<Page> => openPopupPage(browser);

beforeAll(async () => {
  browser = await launchWithExtension();
  await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
  await writeSettings(browser.worker, { undoWindowSeconds: 2 });
});
afterAll(async () => {
  await browser?.close();
  for (const id of created) await admin.remove(id).catch(() => undefined);
  for (const id of posts) await admin.removePost(id).catch(() => undefined);
});

describe('commenter tools in the popup', () => {
  it("a click on a commenter's name shows their history from WordPress", async () => {
    const post = await admin.createPost({ title: `E2E-Verlauf ${run}` });
    posts.push(post);
    const email = `verlauf.e2e.${run}@example.org`;
    const arrange = async (status: string, date: string, url?: string) => {
      const { id } = await admin.createComment(post, {
        status,
        author_name: 'Vera Verlauf',
        author_email: email,
        date_gmt: date,
        ...(url ? { author_url: url } : {}),
      });
      created.push(id);
      return id;
    };
    await arrange('approved', '2026-02-01T10:00:00', 'https://vera.example.org/');
    await arrange('approved', '2026-03-01T10:00:00');
    await arrange('spam', '2026-04-01T10:00:00');
    const pending = await arrange('hold', '2026-11-30T10:00:00');

    const popup = await openPopup();
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
    await popup.selectOption('select[name="post"]', `${siteId}\n${post}`);
    const name = popup.locator(`[data-comment-id="${pending}"] button[data-action="history"]`);
    await name.click();
    const panel = popup.locator('[role="dialog"].history-panel');
    await expect.poll(() => panel.locator('.history-scope').textContent()).toContain(email);
    const counts = await panel.locator('.history-counts div').allTextContents();
    expect(counts).toEqual(['Approved2', 'Pending1', 'Spam1', 'Trash0']);
    expect(await panel.locator('[data-history-list="posts"] li').allTextContents()).toEqual([`E2E-Verlauf ${run} (4)`]);
    expect(await panel.locator('[data-history-list="urls"] li').allTextContents()).toEqual([
      'https://vera.example.org/',
    ]);
    expect(await panel.locator('[data-history-list="ips"] li').allTextContents()).toEqual(['198.51.100.200']);
    await screenshot(popup, 'commenter-history');
    // Act on all of them: the job sheet counts the address's approved comments on WordPress.
    await panel.locator('[data-action="history-job"][data-status="approved"]').click();
    const sheet = popup.locator('[role="dialog"].job-sheet');
    expect(await sheet.locator('input[name="job-author-email"]').inputValue()).toBe(email);
    await expect
      .poll(() => sheet.locator('.job-count').textContent(), { timeout: 15_000 })
      .toMatch(/^2 comments match/);
    await screenshot(popup, 'commenter-history-job');
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('.job-sheet', { state: 'detached' });
    await popup.close();
  });

  it('Unreplied lists what awaits the post author’s reply; a quick reply from there reaches WordPress', async () => {
    const post = await admin.createPost({ title: `E2E-Unbeantwortet ${run}`, author: editor.id });
    posts.push(post);
    // A minute old: Unreplied looks at the newest 100 approved comments of 14 days (ADR 028), and
    // the files before this one on the same WordPress approve thousands today (the bulk jobs).
    const aMinuteAgo = new Date(Date.now() - 60_000).toISOString().slice(0, 19);
    const { id: question } = await admin.createComment(post, {
      status: 'approved',
      author_name: 'Ulla Unbeantwortet',
      content: `Wann kommt der zweite Teil? ${run}`,
      date_gmt: aMinuteAgo,
    });
    created.push(question);

    const popup = await openPopup();
    await popup.click('button[data-view="unreplied"]');
    const item = popup.locator(`.unreplied-item[data-comment-id="${question}"]`);
    await item.waitFor();
    expect(await item.locator('.post-title').textContent()).toBe(`E2E-Unbeantwortet ${run}`);
    await screenshot(popup, 'unreplied');
    await item.locator('[data-action="unreplied-reply"]').click();
    await item.locator('textarea').fill(`Nächste Woche! ${run}`);
    await screenshot(popup, 'unreplied-reply');
    await item.locator('[data-action="send-reply"]').click();

    // On the server: one approved reply by the post's author, with the text typed.
    await expect
      .poll(
        async () => {
          const response = await restRequest(
            restRoot(wp),
            user(wp, 'admin'),
            `wp/v2/comments?parent=${question}&status=all&context=edit`,
          );
          const replies = (await response.json()) as { author: number; status: string; content: { raw: string } }[];
          return replies.map((reply) => ({ author: reply.author, status: reply.status, content: reply.content.raw }));
        },
        { timeout: 20_000, interval: 500 },
      )
      .toEqual([{ author: editor.id, status: 'approved', content: `Nächste Woche! ${run}` }]);
    // And it leaves the view.
    await popup.waitForSelector(`.unreplied-item[data-comment-id="${question}"]`, {
      state: 'detached',
      timeout: 20_000,
    });
    await popup.close();
  });
});
