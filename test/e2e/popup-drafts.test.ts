/**
 * A draft the background refuses, in Chromium with the built extension against WordPress: a reply
 * longer than WordPress takes in a comment (65,525 characters) is refused by the background's own
 * message validation; the reply box says so under the text — in English and in German — and
 * keeps it; shortened, it is saved and the line goes. Screenshots: test-results/popup-drafts/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  readStore,
} from '../../scripts/extension-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const siteId = `${wp.url}/wp-json/`;
const shots = resolve('test-results/popup-drafts');
const browsers: ExtensionBrowser[] = [];

afterAll(async () => {
  for (const browser of browsers) await browser.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** A connected browser's popup showing one post's comments, with a reply box open on the first. */
async function replyBoxOn(locale: string, post: number): Promise<{ browser: ExtensionBrowser; popup: Page }> {
  const browser = await launchWithExtension({ locale });
  browsers.push(browser);
  await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 460, height: 600 });
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  await popup.waitForSelector('.queue [role="row"], .empty');
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
  await popup.selectOption('select[name="post"]', `${siteId}\n${post}`);
  await popup.waitForSelector('.queue [role="row"]');
  await popup.keyboard.press('r');
  await popup.waitForSelector('[role="row"].active textarea:focus');
  return { browser, popup };
}

const drafts = (browser: ExtensionBrowser) =>
  readStore<{ commentId: number; content: string }>(browser.worker, 'drafts');

describe('a reply draft the background refuses', () => {
  it('says why under the box and keeps the text; shortened, it is saved (English and German)', async () => {
    const post = await admin.createPost({ title: 'E2E-Popup: Entwurf zu lang' });
    const comment = await admin.createComment(post, {
      content: 'Schreiben Sie ruhig ausführlich',
      author_name: 'Geduldige Leserin',
    });
    const long = `Eine sehr ausführliche Antwort. ${'Noch ein Absatz voller Gedanken. '.repeat(2200)}`;
    expect(long.length).toBeGreaterThan(65_525);
    const line = (popup: Page) => popup.locator(`[data-comment-id="${comment.id}"] [data-draft-problem]`);
    const box = (popup: Page) => popup.locator(`[data-comment-id="${comment.id}"] textarea`);
    try {
      for (const [locale, expected, name] of [
        [
          'en-US',
          `Draft not saved: it has ${long.length.toLocaleString('en-US')} characters, and WordPress takes at most 65,525 in a comment. Shorten it; the next key press saves it again.`,
          'draft-too-long',
        ],
        [
          'de',
          `Entwurf nicht gespeichert: Er hat ${long.length.toLocaleString('de')} Zeichen, WordPress nimmt in einem Kommentar höchstens 65.525. Kürzen Sie ihn; mit dem nächsten Tastendruck wird er wieder gespeichert.`,
          'draft-too-long-german',
        ],
      ] as const) {
        const { browser, popup } = await replyBoxOn(locale, post);
        // Pasted at once, as a long text arrives.
        await box(popup).fill(long);
        await expect.poll(() => line(popup).textContent()).toBe(expected);
        expect(await box(popup).inputValue()).toBe(long);
        expect(await drafts(browser)).toEqual([]);
        await shoot(popup, name);

        // Shortened: the next key press saves it, and the line goes.
        await box(popup).fill(long.slice(0, 31));
        await popup.keyboard.type(' Kurz gefasst.');
        await expect
          .poll(async () => (await drafts(browser)).map((draft) => draft.content))
          .toEqual(['Eine sehr ausführliche Antwort. Kurz gefasst.']);
        await line(popup).waitFor({ state: 'detached' });
        if (locale === 'en-US') await shoot(popup, 'draft-saved-again');
        await browser.close();
        browsers.pop();
      }
    } finally {
      await admin.remove(comment.id);
      await admin.removePost(post);
    }
  });
});
