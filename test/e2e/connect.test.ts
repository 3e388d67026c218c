/**
 * Connecting a real WordPress from the built extension in Chromium, with each sign-in: the
 * browser's own session, WordPress's authorize screen, a pasted Application Password; the popup's
 * "Connect this site"; and disconnecting, which erases everything of the site.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  logInToWordPress,
  readStore,
  screenshot,
} from '../../scripts/extension-browser.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const root = `${wp.url}/wp-json/`;
let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** Everything the extension stores about sites. */
async function stored(ext: ExtensionBrowser) {
  return {
    sites: await readStore<{ id: string; signIn: string; mode: string; userName: string; status: string }>(
      ext.worker,
      'sites',
    ),
    credentials: await readStore<{ siteId: string; auth: { kind: string } }>(ext.worker, 'credentials'),
    comments: (await readStore(ext.worker, 'comments')).length,
    /** the queue: the cache also keeps the parents of pending comments, for "in reply to" */
    pending: (await readStore<{ status: string }>(ext.worker, 'comments')).filter((row) => row.status === 'hold')
      .length,
    posts: (await readStore(ext.worker, 'posts')).length,
    scripts: await ext.worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.matches),
    ),
    storageLocal: await ext.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null))),
  };
}

async function openOptions(ext: ExtensionBrowser, siteUrl: string) {
  const options = await ext.openExtensionPage('src/options/index.html');
  await options.fill('input[name="url"]', siteUrl);
  return options;
}

/** Logged in to WordPress as `account`, clicks "Sign in with WordPress": the WordPress tab that opens. */
async function openAuthorizeScreen(ext: ExtensionBrowser, account: { login: string; password: string }) {
  const page = await ext.context.newPage();
  await logInToWordPress(page, wp.url, account.login, account.password);
  const options = await openOptions(ext, wp.url);
  const authorizeTab = ext.context.waitForEvent('page');
  await options.click('button[data-method="authorize"]');
  const authorize = await authorizeTab;
  await authorize.waitForSelector('#approve');
  return { authorize, options };
}

const result = async (page: Awaited<ReturnType<typeof openOptions>>) => {
  await page.waitForSelector('.connect-result.done, .connect-result.failed', { timeout: 30000 });
  return (await page.textContent('.connect-result'))?.trim() ?? '';
};

describe('connecting a site', () => {
  it('uses the browser’s own WordPress session (cookie + wp_rest nonce)', async () => {
    browser = await launchWithExtension();
    const editor = user(wp, 'editor');
    const page = await browser.context.newPage();
    await logInToWordPress(page, wp.url, editor.login, editor.password);
    const options = await openOptions(browser, wp.url);
    await options.click('button[data-method="session"]');
    expect(await result(options)).toBe('Connected to Freigabe Demo as Rainer Redaktion.');
    await screenshot(options, 'options-connected-session');
    const state = await stored(browser);
    expect(state.sites).toEqual([
      expect.objectContaining({ id: root, signIn: 'session', mode: 'moderator', status: 'connected' }),
    ]);
    expect(state.credentials).toEqual([
      expect.objectContaining({ siteId: root, auth: expect.objectContaining({ kind: 'cookie' }) }),
    ]);
    expect(state.comments).toBeGreaterThan(0);
    expect(state.storageLocal).toBe('{}');
    // The session keeps working for later syncs.
    const summaries = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
    expect(summaries).toMatchObject({ ok: true, value: [{ siteId: root, pending: state.pending }] });
  });

  it('says so plainly when the browser is not logged in to the blog', async () => {
    browser = await launchWithExtension();
    const options = await openOptions(browser, wp.url);
    await options.click('button[data-method="session"]');
    expect(await result(options)).toContain('You are not logged in to Freigabe Demo in this browser');
    expect((await stored(browser)).sites).toEqual([]);
  });

  it('goes through WordPress’s authorize screen, and the password never stays in the URL', async () => {
    browser = await launchWithExtension();
    const { authorize, options } = await openAuthorizeScreen(browser, user(wp, 'author'));
    expect(authorize.url()).toContain('/wp-admin/authorize-application.php?app_name=Freigabe+%28Chrome%2C+');
    await screenshot(authorize, 'wordpress-authorize-screen');
    await authorize.click('#approve');
    await authorize.waitForSelector('#result.done', { timeout: 30000 });
    expect(await authorize.textContent('#result')).toContain('Connected to Freigabe Demo as Katrin Hellwig (author');
    expect(authorize.url()).not.toContain('password');
    expect(authorize.url()).not.toContain('?');
    expect(await authorize.evaluate(() => location.search)).toBe('');
    await screenshot(authorize, 'authorize-callback');
    const state = await stored(browser);
    expect(state.sites).toEqual([
      expect.objectContaining({ signIn: 'authorize', mode: 'author', userName: 'Katrin Hellwig' }),
    ]);
    expect(state.credentials[0]?.auth.kind).toBe('application-password');
    // The options page follows live.
    await options.waitForSelector('.site-row');
    expect(await options.textContent('.site-row')).toContain('authorized in WordPress');
  });

  it('refuses a callback it did not start (a forged or replayed sign-in)', async () => {
    browser = await launchWithExtension();
    const forged = await browser.openExtensionPage(
      `src/connect/callback.html?state=${'ab'.repeat(24)}&site_url=${encodeURIComponent(wp.url)}&user_login=admin&password=abcd`,
    );
    await forged.waitForSelector('#result.failed');
    expect(await forged.textContent('#result')).toContain('was not started by Freigabe');
    expect((await stored(browser)).sites).toEqual([]);
  });

  it('reports a rejected authorization', async () => {
    browser = await launchWithExtension();
    const { authorize } = await openAuthorizeScreen(browser, user(wp, 'editor'));
    await authorize.click('#reject');
    await authorize.waitForSelector('#result.failed', { timeout: 30000 });
    expect(await authorize.textContent('#result')).toContain('was cancelled in WordPress');
  });

  it('takes a pasted Application Password, and says when it is wrong', async () => {
    browser = await launchWithExtension();
    const editor = user(wp, 'editor');
    const wrong = await connectWithApplicationPassword(browser, wp.url, editor.login, 'abcd efgh ijkl mnop qrst uvwx');
    expect(await wrong.textContent('.connect-result')).toContain(
      'did not accept this user name and Application Password',
    );
    const options = await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
    expect(await options.textContent('.connect-result.done')).toContain('Connected to Freigabe Demo');
    expect(await options.inputValue('input[name="password"]')).toBe('');
  });

  it('offers "Connect this site" in the popup on a WordPress page, and disconnects cleanly', async () => {
    browser = await launchWithExtension();
    const admin = user(wp, 'admin');
    const article = await browser.context.newPage();
    await article.goto(wp.posts[0]?.link ?? wp.url);
    const tabId = await browser.worker.evaluate(
      async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? -1,
      article.url(),
    );
    const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 420, height: 480 });
    await popup.waitForSelector('.connect-banner');
    expect(await popup.textContent('.connect-banner')).toContain(`${wp.url} runs WordPress`);
    await screenshot(popup, 'popup-connect-this-site');
    const optionsTab = browser.context.waitForEvent('page');
    await popup.click('button[data-action="connect-this-site"]');
    const options = await optionsTab;
    await options.waitForSelector('input[name="url"]');
    expect(await options.inputValue('input[name="url"]')).toBe(article.url());

    await options.click('summary');
    await options.fill('input[name="username"]', admin.login);
    await options.fill('input[name="password"]', admin.applicationPassword);
    await options.click('button[data-method="password"]');
    await options.waitForSelector('.connect-result.done');
    const connected = await stored(browser);
    expect(connected.sites).toHaveLength(1);
    expect(connected.comments).toBeGreaterThan(0);
    expect(connected.scripts).toEqual([['http://127.0.0.1/*']]);

    await options.click('button[data-action="disconnect"]');
    await screenshot(options, 'options-disconnect-confirm');
    await options.click('button[data-action="confirm-disconnect"]');
    await options.waitForSelector('.site-row', { state: 'detached' });
    const after = await stored(browser);
    expect(after).toMatchObject({ sites: [], credentials: [], comments: 0, posts: 0, scripts: [] });
    // The test build's loopback access is part of its manifest and stays; release builds give it back.
  });
});
