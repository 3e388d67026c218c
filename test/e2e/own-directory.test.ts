/**
 * WordPress in its own directory (scenario 6) in Chromium: the core in /wp/, the blog at the root.
 * The built extension connects by the browser session (logged in under /wp/, the nonce from
 * /wp/wp-admin/admin-ajax.php), by WordPress's authorize screen (under /wp/) and by a pasted
 * Application Password; the article's inline view shows its pending comments, a click approves one
 * on the server, and "open in wp-admin" opens the comment's edit screen under /wp/.
 * Screenshots: test-results/screenshots/own-directory-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type ExtensionBrowser,
  launchWithExtension,
  logInToWordPress,
  screenshot,
} from '../../scripts/extension-browser.ts';
import type { SiteInfo, WordPressSite } from '../../scripts/wp/index.ts';
import { startLayoutSite, viewportShot } from '../support/layout-site.ts';
import { commentTotal, postId, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { shadowUi } from './support/shadow.ts';

let site: WordPressSite;
let wp: SiteInfo;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
  site = await startLayoutSite('own-directory', { wpDir: inject('wpDir'), core: inject('wp').core });
  wp = site.info;
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await site?.stop();
});

const article = () => wp.posts.find((post) => post.key === 'article')?.link ?? '';

async function connectResult(ext: ExtensionBrowser, method: 'session' | 'authorize') {
  const options = await ext.openExtensionPage('src/options/index.html');
  await options.fill('input[name="url"]', wp.url);
  return { options, click: () => options.click(`button[data-method="${method}"]`) };
}

describe('WordPress in its own directory, in Chromium', () => {
  it('connects with the browser session: logged in under /wp/, the nonce from /wp/wp-admin/admin-ajax.php', async () => {
    browser = await launchWithExtension();
    const editor = user(wp, 'editor');
    const page = await browser.context.newPage();
    await logInToWordPress(page, wp.siteUrl, editor.login, editor.password);
    expect(page.url()).toContain('/wp/wp-admin/');
    const { options, click } = await connectResult(browser, 'session');
    await click();
    await options.waitForSelector('.connect-result.done, .connect-result.failed', { timeout: 30000 });
    expect((await options.textContent('.connect-result'))?.trim()).toBe(
      'Connected to Freigabe Demo as Rainer Redaktion.',
    );
    await options.waitForSelector('.site-row');
    expect(await options.textContent('.site-row')).toContain(wp.url);
    await screenshot(options, 'own-directory-options-session');
  });

  it('connects through WordPress’s authorize screen under /wp/', async () => {
    browser = await launchWithExtension();
    const author = user(wp, 'author');
    const page = await browser.context.newPage();
    await logInToWordPress(page, wp.siteUrl, author.login, author.password);
    const { click } = await connectResult(browser, 'authorize');
    const authorizeTab = browser.context.waitForEvent('page');
    await click();
    const authorize = await authorizeTab;
    await authorize.waitForSelector('#approve');
    expect(authorize.url().startsWith(`${wp.siteUrl}/wp-admin/authorize-application.php?`)).toBe(true);
    await authorize.click('#approve');
    await authorize.waitForSelector('#result.done', { timeout: 30000 });
    expect(await authorize.textContent('#result')).toContain('Connected to Freigabe Demo as Katrin Hellwig (author');
  });

  it('pasted password: the article shows its pending comments, approves one, opens another in wp-admin under /wp/', async () => {
    const editor = user(wp, 'editor');
    // Logs in at /wp-login.php, which WordPress sends on to /wp/wp-login.php; connects with the home URL.
    browser = await launchAsEditor(wp.url, editor, 1);
    const page = await browser.context.newPage();
    await page.goto(article());
    const ui = await shadowUi(page);
    const pending = await commentTotal(wp, editor, {
      post: String(postId(wp, 'article')),
      status: 'hold',
      type: 'all',
    });
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(pending);
    expect((await ui.text('card')).join('\n')).toContain('Lena Vogt');
    await page.locator('[data-freigabe-host="card"]').first().scrollIntoViewIfNeeded();
    await viewportShot(page, 'own-directory-inline');

    const cards = await ui.text('card');
    const lena = cards.findIndex((text) => text.includes('Lena Vogt'));
    await ui.click('card', lena, 'button[data-action="approve"]');
    const lenaId = wp.comments.lena ?? 0;
    // The undo window, then the flush: seconds, more on a loaded machine (it took over 20 s at load 16).
    await expect.poll(async () => (await adminApi(wp).read(lenaId)).status, { timeout: 60_000 }).toBe('approved');

    const tobias = (await ui.text('card')).findIndex((text) => text.includes('Tobias Reuter'));
    const adminTab = browser.context.waitForEvent('page');
    await ui.click('card', tobias, 'button[data-action="openAdmin"]');
    const editScreen = await adminTab;
    await editScreen.waitForLoadState();
    expect(editScreen.url()).toBe(`${wp.siteUrl}/wp-admin/comment.php?action=editcomment&c=${wp.comments.tobias}`);
    await editScreen.waitForSelector('#post input[name="comment_ID"]', { state: 'attached' });
    await viewportShot(editScreen, 'own-directory-wp-admin');
    await ui.close();
  });
});
