/**
 * The inline view's lifetime in Chromium with the built extension against the real WordPress:
 * a reply draft the background refuses (longer than WordPress takes in a comment) is shown under
 * the inline reply box with its cause, the text kept, and goes once a shorter draft is saved; the
 * page's forged takeover event tears nothing down; a real extension update (runtime.reload, as an
 * update from the store does it) hands the article over to the new build's inline view, which
 * works. Screenshots: test-results/screenshots/inline-draft-refused.png, inline-after-update.png.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, readStore, screenshot } from '../../scripts/extension-browser.ts';
import { commentMaxLength } from '../../src/shared/comment-text.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { reloadExtension } from './support/reload-extension.ts';
import { type ShadowUi, shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);

let browser: ExtensionBrowser;
let link: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const post = await admin.createPost({ title: 'Inline-Lebensdauer im Test' });
  for (const name of ['Greta Gans', 'Hanno Hahn', 'Ida Igel']) {
    ids[name] = (await admin.createComment(post, { status: 'hold', author_name: name, content: `Von ${name}.` })).id;
  }
  link = `${wp.url}/?p=${post}`;
  browser = await launchAsEditor(wp.url, editor, 0);
});

afterAll(async () => {
  await browser?.close();
  // Pending comments would crowd the first screen of other tests' popups.
  for (const id of Object.values(ids)) await admin.remove(id);
});

const serverStatus = async (id: number) => (await admin.read(id)).status;
const cardOf = async (ui: ShadowUi, author: string) => (await ui.text('card')).findIndex((t) => t.includes(author));

describe('the inline view’s lifetime', () => {
  it('a reply draft the background refuses says why under the inline box and keeps the text; a shorter one is saved', async () => {
    const page = await browser.context.newPage();
    await page.goto(link);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(3);
    const greta = await cardOf(ui, 'Greta Gans');
    await ui.click('card', greta, 'button[data-action="reply"]');
    await expect.poll(() => ui.focused('card', greta, 'textarea')).toBe(true);
    const tooLong = `Sehr ausführlich. ${'x'.repeat(commentMaxLength)}`;
    await page.keyboard.insertText(tooLong);
    await expect
      .poll(async () => (await ui.text('card'))[greta], { timeout: 10000 })
      .toContain(
        `Draft not saved: it has ${tooLong.length.toLocaleString('en-US')} characters, and WordPress takes at most ${commentMaxLength.toLocaleString('en-US')} in a comment.`,
      );
    expect(await ui.property('card', greta, 'textarea', 'value')).toBe(tooLong);
    expect(await ui.property('card', greta, '[data-draft-problem]', 'role')).toBe('alert');
    await page.evaluate((id) => document.getElementById(`comment-${id}`)?.scrollIntoView(), ids['Hanno Hahn']);
    await page.evaluate(() =>
      document.querySelector('[data-freigabe-host="card"]')?.scrollIntoView({ block: 'start' }),
    );
    await screenshot(page, 'inline-draft-refused');

    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('Danke, Greta.');
    await expect
      .poll(async () => (await readStore<{ content: string }>(browser.worker, 'drafts')).map((d) => d.content), {
        timeout: 10000,
      })
      .toContain('Danke, Greta.');
    await expect.poll(async () => (await ui.text('card'))[greta]).not.toContain('Draft not saved');
    await page.keyboard.press('Escape');
    await ui.close();
    await page.close();
  });

  it('the page’s forged takeover event tears nothing down: the view stays and still works', async () => {
    const page = await browser.context.newPage();
    await page.goto(link);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(3);
    const counts = await page.evaluate(() => {
      const hosts = () => document.querySelectorAll('[data-freigabe-host]').length;
      const before = hosts();
      // The event's name is in the extension's code, which any page can read.
      document.dispatchEvent(new CustomEvent('freigabe:takeover'));
      document.dispatchEvent(new CustomEvent('freigabe:takeover', { bubbles: true, composed: true }));
      // A view that stepped aside would have removed its hosts by now (the abort is synchronous).
      return { before, after: hosts() };
    });
    expect(counts.after).toBe(counts.before);
    expect((await ui.hosts('card')).length).toBe(3);
    await ui.click('card', await cardOf(ui, 'Hanno Hahn'), 'button[data-action="approve"]');
    await expect.poll(() => serverStatus(ids['Hanno Hahn'] as number), { timeout: 20000 }).toBe('approved');
    await ui.close();
    await page.close();
  });

  it('a real extension update hands the article over: the old view steps aside, the new one works', async () => {
    const page = await browser.context.newPage();
    await page.goto(link);
    const ui = await shadowUi(page);
    await expect
      .poll(async () => (await ui.text('card')).some((t) => t.includes('Ida Igel')), { timeout: 20000 })
      .toBe(true);
    const cardsBefore = (await ui.hosts('card')).length;
    // The old build's hosts, marked so the test can tell them from the new build's.
    await page.evaluate(() => {
      for (const host of document.querySelectorAll('[data-freigabe-host]')) host.setAttribute('data-old-build', '');
    });
    // chrome://extensions' Reload, in developer mode (an unpacked build reloaded otherwise stays
    // disabled): the new build replaces the old one as an update does, and onInstalled says so.
    await reloadExtension(browser);
    // The old build's view is still on the page, orphaned: its extension is gone.
    expect((await ui.hosts('card')).length).toBe(cardsBefore);
    // The new build reaches the open tab as it would after the next navigation: its content script
    // reports the article, and the background injects the new inline view. Driven from one of the
    // new build's pages (it has the same APIs as its worker).
    const extensionPage = await browser.context.newPage();
    await expect
      .poll(
        async () => {
          try {
            await extensionPage.goto(browser.extensionUrl('src/options/index.html'));
            return await extensionPage.evaluate(
              async () => (await chrome.scripting.getRegisteredContentScripts()).length,
            );
          } catch {
            // Not back yet.
            return 0;
          }
        },
        { timeout: 30000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await extensionPage.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      const [script] = await chrome.scripting.getRegisteredContentScripts();
      if (!tab?.id || !script?.js) throw new Error('no tab or no content script');
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: script.js });
    }, page.url());
    await extensionPage.close();
    // The new build's cards, and none of the old build's hosts.
    const hostsOnPage = () =>
      page.evaluate(() => ({
        old: document.querySelectorAll('[data-old-build]').length,
        cards: document.querySelectorAll('[data-freigabe-host="card"]').length,
      }));
    await expect.poll(hostsOnPage, { timeout: 20000 }).toEqual({ old: 0, cards: cardsBefore });
    // The old view stepped aside (its observers stopped): a comment the page adds later gets one
    // toolbar, the new view's, not a second from an orphan.
    const clone = await page.evaluate((hanno) => {
      const original = document.getElementById(`comment-${hanno}`);
      if (!original) return false;
      const copy = original.cloneNode(true) as Element;
      for (const host of copy.querySelectorAll('[data-freigabe-host]')) host.remove();
      copy.id = 'comment-987654';
      original.after(copy);
      return true;
    }, ids['Hanno Hahn']);
    expect(clone).toBe(true);
    await expect
      .poll(
        () => page.evaluate(() => document.querySelectorAll('#comment-987654 [data-freigabe-host="toolbar"]').length),
        {
          timeout: 10000,
        },
      )
      .toBe(1);
    // And the new view acts.
    await ui.click('card', await cardOf(ui, 'Ida Igel'), 'button[data-action="spam"]');
    await expect.poll(() => serverStatus(ids['Ida Igel'] as number), { timeout: 20000 }).toBe('spam');
    expect((await ui.hosts('summary')).length).toBe(1);
    await page.evaluate(() => document.querySelector('[data-freigabe-host="summary"]')?.scrollIntoView());
    await screenshot(page, 'inline-after-update');
    await ui.close();
    await page.close();
  });
});
