/**
 * Connecting blogs that security plugins, hosts and staging locks have locked down, as a new user
 * does it (the options page, opened by the popup's "Connect this site" with the page's address):
 * the built extension in Chromium against the real WordPress with each scenario switched on. What
 * the options page and the authorize callback tell the user is asserted and photographed
 * (test-results/screenshots/connect-*.png).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import {
  type ExtensionBrowser,
  launchPrepared,
  launchWithExtension,
  logInInNewTab,
  readStore,
  screenshot,
} from '../../scripts/extension-browser.ts';
import { setScenarios, stagingLogin } from '../../scripts/wp/scenarios.ts';
import { user } from '../support/rest.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const author = user(wp, 'author');
const admin = user(wp, 'admin');
const article = wp.posts.find((post) => post.key === 'article')?.link ?? wp.url;
let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(() => setScenarios(site, []));

/** Chromium with the extension, logged in to WordPress as `account` (or nobody). */
async function launch(account?: { login: string; password: string }, locale?: string): Promise<ExtensionBrowser> {
  browser = await launchPrepared(
    () => launchWithExtension(locale ? { locale } : {}),
    async (started) => {
      if (account) await logInInNewTab(started, wp.url, account);
    },
  );
  return browser;
}

/** The options page as the popup's "Connect this site" opens it, once it has checked the site. */
async function connectThisSite(ext: ExtensionBrowser, url: string): Promise<Page> {
  const options = await ext.openExtensionPage(`src/options/index.html?connect=${encodeURIComponent(url)}`);
  await options.setViewportSize({ width: 760, height: 900 });
  await options.waitForSelector('.session-note, .connect-result.failed', { timeout: 30000 });
  return options;
}

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

const result = async (page: Page) => {
  await page.waitForSelector('.connect-result.done, .connect-result.failed', { timeout: 30000 });
  return text(page, '.connect-result');
};

async function pastePassword(options: Page, login: string, password: string): Promise<string> {
  await options.click('summary');
  await options.fill('input[name="username"]', login);
  await options.fill('input[name="password"]', password);
  await options.click('button[data-method="password"]');
  return result(options);
}

const sites = async (ext: ExtensionBrowser) => readStore<{ mode: string; signIn: string }>(ext.worker, 'sites');

describe('Application Passwords unavailable', () => {
  it('switched off (Wordfence’s default): offers the session, says why the others cannot work and how to enable them; the session connects', async () => {
    await setScenarios(site, ['no-application-passwords']);
    const ext = await launch(editor);
    const options = await connectThisSite(ext, article);
    expect(await text(options, '.session-note')).toBe('You are logged in to Freigabe Demo as Rainer Redaktion.');
    const note = await text(options, '.unavailable');
    expect(note).toContain('cannot work on Freigabe Demo: WordPress says Application Passwords are switched off there');
    expect(note).toContain('Wordfence: Login Security → Settings → uncheck “Disable WordPress application passwords”');
    expect(await options.isDisabled('button[data-method="authorize"]')).toBe(true);
    await options.click('summary');
    expect(await text(options, '.password-unavailable')).toBe('Not available on this site — see above.');
    await screenshot(options, 'connect-no-application-passwords');
    await options.click('button[data-method="session"]');
    expect(await result(options)).toBe('Connected to Freigabe Demo as Rainer Redaktion.');
    expect(await sites(ext)).toEqual([expect.objectContaining({ mode: 'moderator', signIn: 'session' })]);
  });

  it('says it in German in a German browser', async () => {
    await setScenarios(site, ['no-application-passwords']);
    const ext = await launch(editor, 'de');
    const options = await connectThisSite(ext, wp.url);
    expect(await text(options, '.session-note')).toBe('Sie sind bei Freigabe Demo als Rainer Redaktion angemeldet.');
    expect(await text(options, '.unavailable')).toContain(
      '„Mit WordPress anmelden“ und „Anwendungspasswort einfügen“ funktionieren auf Freigabe Demo nicht: WordPress meldet, dass Anwendungspasswörter dort ausgeschaltet sind.',
    );
    await screenshot(options, 'connect-no-application-passwords-de');
  });

  it('for administrators only: tells a logged-in editor so; a logged-out editor pasting a password is told the same, not "wrong"', async () => {
    await setScenarios(site, ['application-passwords-for-admins']);
    const ext = await launch(editor);
    const options = await connectThisSite(ext, wp.url);
    expect(await text(options, '.unavailable')).toContain(
      'cannot work for Rainer Redaktion on Freigabe Demo: WordPress offers Application Passwords on this site to some accounts only',
    );
    await screenshot(options, 'connect-application-passwords-for-admins');
    await ext.close();

    const loggedOut = await launch();
    const form = await connectThisSite(loggedOut, wp.url);
    expect(await text(form, '.session-note')).toContain('You are not logged in to Freigabe Demo in this browser');
    await form.click('summary');
    await form.fill('input[name="username"]', editor.login);
    await form.fill('input[name="password"]', editor.applicationPassword);
    await form.click('button[data-method="password"]');
    // Said once, where both sign-ins it rules out are offered; "Sign in with WordPress" is off too.
    await form.waitForSelector('.unavailable', { timeout: 30000 });
    const told = await text(form, '.unavailable');
    expect(told).toContain(`cannot work for ${editor.login} on Freigabe Demo`);
    expect(await text(form, '.connect-result')).toBe('');
    expect(await form.isDisabled('button[data-method="authorize"]')).toBe(true);
    await screenshot(form, 'connect-application-passwords-for-admins-pasted');
  });

  it('for administrators only: WordPress’s error page on its authorize screen comes back to Freigabe with the reason', async () => {
    await setScenarios(site, ['application-passwords-for-admins']);
    const ext = await launch();
    const options = await connectThisSite(ext, wp.url);
    const opened = ext.context.waitForEvent('page');
    await options.click('button[data-method="authorize"]');
    const tab = await opened;
    // Not logged in: WordPress asks first, then shows its screen — here its error page instead.
    await tab.waitForSelector('#user_login');
    await tab.fill('#user_login', editor.login);
    await tab.fill('#user_pass', editor.password);
    // Enter, not a click: a click on the login form while it still lays out was seen to send nothing.
    await tab.press('#user_pass', 'Enter');
    await tab.waitForURL(/src\/connect\/callback\.html/, { timeout: 30000 });
    await tab.waitForSelector('#result.failed', { timeout: 30000 });
    expect(await text(tab, '#result')).toContain('cannot work for Rainer Redaktion on Freigabe Demo');
    expect(tab.url()).not.toContain('?');
    await screenshot(tab, 'connect-authorize-refused-callback');
  });
});

describe('REST API locked by a security plugin', () => {
  it('closed to visitors, links removed: a logged-in editor connects from the article with the session', async () => {
    await setScenarios(site, ['rest-login-required']);
    const ext = await launch(editor);
    const options = await connectThisSite(ext, article);
    expect(await text(options, '.session-note')).toBe('You are logged in to Freigabe Demo as Rainer Redaktion.');
    await options.click('button[data-method="session"]');
    expect(await result(options)).toBe('Connected to Freigabe Demo as Rainer Redaktion.');
    const pending = (await readStore<{ status: string }>(ext.worker, 'comments')).filter(
      (row) => row.status === 'hold',
    );
    expect(pending.length).toBeGreaterThan(0);
  });

  it('restricted by capability (Solid Security): an author is told why not and what an admin can change', async () => {
    await setScenarios(site, ['rest-restricted-by-capability']);
    const ext = await launch(author);
    const options = await connectThisSite(ext, wp.url);
    await options.click('button[data-method="session"]');
    const told = await result(options);
    expect(told).toContain('Solid Security on Freigabe Demo restricts the REST API');
    expect(told).toContain('so Katrin Hellwig cannot use Freigabe there');
    expect(told).toContain('WordPress Tweaks → REST API → “Default Access”');
    expect(await sites(ext)).toEqual([]);
    await screenshot(options, 'connect-solid-security-author');
  });
});

describe('Authorization header stripped and XML-RPC switched off', () => {
  it('says it cannot tell without a session, and that the header is stripped with an administrator’s', async () => {
    await setScenarios(site, ['strip-authorization', 'xmlrpc-disabled']);
    const loggedOut = await launch();
    const form = await connectThisSite(loggedOut, wp.url);
    const unclear = await pastePassword(form, editor.login, editor.applicationPassword);
    expect(unclear).toContain('Freigabe cannot tell why');
    expect(unclear).toContain('XML-RPC, which could tell, is switched off on this site');
    await screenshot(form, 'connect-header-stripped-cannot-tell');
    await loggedOut.close();

    const asAdmin = await launch(admin);
    const options = await connectThisSite(asAdmin, wp.url);
    const stripped = await pastePassword(options, admin.login, admin.applicationPassword);
    expect(stripped).toContain('does not pass the Authorization header on to WordPress');
    await screenshot(options, 'connect-header-stripped');
  });
});

describe('a staging site behind HTTP Basic auth', () => {
  it('says the web server asks for its own password and what to do; after entering it in a tab, the session connects', async () => {
    await setScenarios(site, ['staging-basic-auth']);
    const ext = await launch();
    const options = await connectThisSite(ext, wp.url);
    expect(await text(options, '.session-note')).toContain('asks for the password of its web server first');
    expect(await text(options, '.unavailable')).toContain('its web server asks for a password of its own');
    await options.click('button[data-method="session"]');
    expect(await result(options)).toContain('is protected by a password of its web server (HTTP authentication)');
    await screenshot(options, 'connect-staging-before-password');

    // Entering the staging password in a tab (the browser keeps it), then logging in to WordPress.
    const tab = await ext.context.newPage();
    const withPassword = new URL(wp.url);
    withPassword.username = stagingLogin.user;
    withPassword.password = stagingLogin.password;
    await tab.goto(`${withPassword.href}wp-login.php`);
    await tab.fill('#user_login', editor.login);
    await tab.fill('#user_pass', editor.password);
    // Signed in once the redirect to wp-admin is under way (its cookie came with it): the dashboard's
    // own load is not waited for (over 30 s once, under the full suite's load).
    await Promise.all([tab.waitForURL(/wp-admin/, { waitUntil: 'commit' }), tab.press('#user_pass', 'Enter')]);
    await options.reload();
    await options.waitForSelector('.session-note.logged-in', { timeout: 30000 });
    await options.click('button[data-method="session"]');
    expect(await result(options)).toBe('Connected to Freigabe Demo as Rainer Redaktion.');
    await screenshot(options, 'connect-staging-connected');
  });
});
