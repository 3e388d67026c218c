/**
 * The Firefox build (same source) against the real WordPress, in Firefox ESR over WebDriver BiDi:
 * each sign-in, the content script and the badge on an article, the queue in the popup.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../scripts/firefox-browser.ts';
import { commentTotal, postId, user } from '../support/rest.ts';
import { logIn as logInTo } from './support/firefox.ts';

const wp = inject('wp');
const logIn = (ff: FirefoxWithExtension, login: string, password: string) => logInTo(ff, wp.url, login, password);
let firefox: FirefoxWithExtension | undefined;

afterEach(async () => {
  await firefox?.close();
  firefox = undefined;
});

async function connectResult(ff: FirefoxWithExtension): Promise<string> {
  await ff.options.waitForSelector('.connect-result.done, .connect-result.failed', { timeout: 30000 });
  return (await ff.options.$eval('.connect-result', (element) => element.textContent ?? '')).trim();
}

describe('Firefox', () => {
  it('signs in with the browser session; the badge shows the article’s pending count; the popup lists the queue', async () => {
    firefox = await launchFirefoxWithExtension();
    const editor = user(wp, 'editor');
    const tab = await logIn(firefox, editor.login, editor.password);
    await firefox.options.type('input[name="url"]', wp.url);
    await firefox.options.click('button[data-method="session"]');
    expect(await connectResult(firefox)).toBe('Connected to Freigabe Demo as Rainer Redaktion.');

    const article = wp.posts.find((post) => post.key === 'article');
    await tab.goto(article?.link ?? wp.url);
    const expected = await commentTotal(wp, editor, {
      post: String(postId(wp, 'article')),
      status: 'hold',
      type: 'all',
    });
    const badge = async () =>
      firefox?.options.evaluate(async (url) => {
        // (Firefox match patterns carry no port: find the tab by its URL instead.)
        const found = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
        return found?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: found.id });
      }, article?.link ?? '');
    await expect.poll(badge, { timeout: 15000 }).toBe(String(expected));

    const popup = await firefox.openExtensionPage('src/popup/index.html');
    await popup.waitForSelector('.queue .item');
    const total = await commentTotal(wp, editor, { status: 'hold', type: 'all' });
    // Every pending comment is in the queue (near-identical ones share a row; rows out of view are not rendered).
    await expect.poll(() => popup.$eval('.queue', (queue) => Number(queue.getAttribute('data-count')))).toBe(total);
  });

  it('signs in through WordPress’s authorize screen (callback page web-accessible in Firefox too)', async () => {
    firefox = await launchFirefoxWithExtension();
    const author = user(wp, 'author');
    await logIn(firefox, author.login, author.password);
    await firefox.options.bringToFront();
    await firefox.options.type('input[name="url"]', wp.url);
    await firefox.options.click('button[data-method="authorize"]');
    const authorize = await firefox.findPage((href) => href.includes('/wp-admin/authorize-application.php'));
    await authorize.waitForSelector('#approve');
    await authorize.click('#approve');
    const callback = await firefox.findPage((href) => href.startsWith(`${firefox?.base}/src/connect/callback.html`));
    await callback.waitForSelector('#result.done', { timeout: 30000 });
    expect(await callback.$eval('#result', (element) => element.textContent)).toContain('Katrin Hellwig (author');
    expect(await callback.evaluate(() => location.search)).toBe('');
  });

  it('takes a pasted Application Password', async () => {
    firefox = await launchFirefoxWithExtension();
    const admin = user(wp, 'admin');
    await firefox.options.type('input[name="url"]', wp.url);
    await firefox.options.click('summary');
    await firefox.options.type('input[name="username"]', admin.login);
    await firefox.options.type('input[name="password"]', admin.applicationPassword);
    await firefox.options.click('button[data-method="password"]');
    expect(await connectResult(firefox)).toBe('Connected to Freigabe Demo as Sabine Admin.');
  });
});
