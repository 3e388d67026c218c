/**
 * The thin slice through everything: logged in to the real WordPress as the editor, connect the
 * site with an Application Password, visit the demo article; the content script reports the post,
 * the background pulls the pending queue over REST into IndexedDB, the badge shows the article's
 * pending count, and the popup lists the site's pending comments.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  logInToWordPress,
  readStore,
  screenshot,
} from '../../scripts/extension-browser.ts';
import { commentTotal, postId, user } from '../support/rest.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const article = wp.posts.find((post) => post.key === 'article');
if (!article) throw new Error('demo article missing');

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

async function badgeOf(tabUrl: string): Promise<string> {
  return browser.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, tabUrl);
}

describe('thin slice: blog page → background → IndexedDB → badge and popup', () => {
  it('connects, detects the article, shows its pending count on the badge and the queue in the popup', async () => {
    const page = await browser.context.newPage();
    await logInToWordPress(page, wp.url, editor.login, editor.password);

    const options = await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
    expect(await options.textContent('.connect-result')).toContain('Rainer Redaktion');
    await screenshot(options, 'options-connected');

    const articlePending = await commentTotal(wp, editor, {
      post: String(postId(wp, 'article')),
      status: 'hold',
      type: 'all',
    });
    const sitePending = await commentTotal(wp, editor, { status: 'hold', type: 'all' });
    expect(articlePending).toBeGreaterThan(0);
    expect(sitePending).toBeGreaterThan(articlePending);

    await page.goto(article.link);
    await expect.poll(() => badgeOf(article.link), { timeout: 15000 }).toBe(String(articlePending));
    await screenshot(page, 'article-classic-theme');

    // The worker's cache holds exactly the site's pending comments, of every type.
    const cached = await readStore<{ status: string; type: string }>(browser.worker, 'comments');
    expect(cached.filter((row) => row.status === 'hold')).toHaveLength(sitePending);
    expect(new Set(cached.map((row) => row.type))).toEqual(new Set(['comment', 'pingback']));

    const popup = await browser.openExtensionPage('src/popup/index.html');
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.waitForSelector('.queue .item');
    // Every pending comment is in the queue (near-identical ones share a row; rows out of view are not rendered).
    await expect.poll(() => popup.getAttribute('.queue', 'data-count')).toBe(String(sitePending));
    // Only the rows in view are rendered (other tests may have added newer comments): the posts are
    // checked in the post filter, Lena's comment through the search.
    const posts = (await popup.locator('select[name="post"] option').allTextContents()).join('\n');
    expect(posts).toContain('Social-Media-Management ist mehr als PR mit Hashtags');
    expect(posts).toContain('Remote-Onboarding: Die ersten hundert Tage');
    await popup.fill('input[name="search"]', 'Lena Vogt');
    await expect.poll(() => popup.locator('.queue [role="row"]').count()).toBe(1);
    const text = (await popup.locator('.queue').textContent()) ?? '';
    expect(text).toContain('Lena Vogt');
    // Content is sanitized: Lena's link is a link to its real target, never markup as text.
    expect(text).toContain('Community-Strategie');
    expect(text).not.toContain('<a ');
    expect(await popup.getAttribute('.queue .content a', 'href')).toBe('https://vogt-digital.example/moderation');
    await popup.fill('input[name="search"]', '');
    // Opening the popup starts a sync ("syncing…"); it settles back to connected.
    await expect.poll(() => popup.locator('.site .status-connected').count(), { timeout: 15000 }).toBe(1);
    await screenshot(popup, 'popup-queue');

    // The popup's own tab is no article: there the badge shows the total across sites.
    expect(await badgeOf(browser.extensionUrl('src/popup/index.html'))).toBe(String(sitePending));
  });
});
