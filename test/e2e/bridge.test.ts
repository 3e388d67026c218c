/**
 * The Freigabe Bridge in the built extension, in Chromium: a site with the plugin active shows it on
 * the options page (in English and, through the locale catalogue, in German); a site without it
 * shows nothing of the kind; a decision another moderator overtook is shown as a conflict in the
 * popup, in the user's words, and Retry then does it anyway.
 */
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  readStore,
  screenshot,
  writeSettings,
} from '../../scripts/extension-browser.ts';
import { setBridge } from '../../scripts/wp/scenarios.ts';
import { basicAuth, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

afterAll(async () => {
  await setBridge(site, false);
});

describe('the Freigabe Bridge on the options page', () => {
  it('says the Bridge is active, with its version, for a site that has it', async () => {
    await setBridge(site, true);
    browser = await launchWithExtension();
    const options = await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
    const line = await options.waitForSelector('.site-row .bridge', { timeout: 30000 });
    expect(await line.textContent()).toBe('Freigabe Bridge 1.1.2 active — bulk actions run on the server');
    expect(await line.getAttribute('data-bridge')).toBe('1.1.2');
    await screenshot(options, 'options-bridge-active');
    const [stored] = await readStore<{ bridge?: { version: string; maxIds: number } | null }>(browser.worker, 'sites');
    expect(stored?.bridge).toMatchObject({ version: '1.1.2', maxIds: 1000 });
  });

  it('says nothing of it for a site without it', async () => {
    await setBridge(site, false);
    browser = await launchWithExtension();
    const options = await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
    await options.waitForSelector('.site-row');
    expect(await options.$('.site-row .bridge')).toBeNull();
    const [stored] = await readStore<{ bridge?: unknown }>(browser.worker, 'sites');
    expect(stored?.bridge).toBeNull();
  });
});

describe('the Freigabe Bridge in the popup', () => {
  it('shows a decision another moderator overtook as a conflict, and Retry does it anyway', async () => {
    await setBridge(site, true);
    const admin = adminApi(wp);
    const post = await admin.createPost({ title: 'Bridge im Popup' });
    const comment = await admin.createComment(post, { status: 'hold', author_name: 'Konrad Konflikt' });
    browser = await launchWithExtension();
    await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
    await writeSettings(browser.worker, { undoWindowSeconds: 1, syncIntervalMinutes: 2, notifyNewPending: false });
    const popup = await browser.openExtensionPage('src/popup/index.html');
    await popup.setViewportSize({ width: 460, height: 600 });
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
    await popup.locator(`[data-comment-id="${comment.id}"]`).waitFor({ timeout: 20000 });

    // Another moderator approves it in wp-admin; this moderator, not knowing, marks it as spam.
    await fetch(`${wp.url}/wp-json/wp/v2/comments/${comment.id}`, {
      method: 'POST',
      headers: { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'approved', author_ip: '198.51.100.200' }),
    });
    await popup.evaluate((m) => chrome.runtime.sendMessage(m), {
      type: 'decide',
      siteId: `${wp.url}/wp-json/`,
      commentIds: [comment.id],
      decision: 'spam',
    });
    const line = popup.locator('.pending-decisions [role="alert"]');
    await expect.poll(() => line.textContent(), { timeout: 30000 }).toContain('Spam not sent');
    expect(await line.textContent()).toContain(
      'the comment changed in WordPress meanwhile: another moderator moved it to “Approved” first, and it was left there. Retry to do it anyway.',
    );
    expect((await admin.read(comment.id)).status).toBe('approved');
    await screenshot(popup, 'popup-bridge-conflict');

    await line.locator('button[data-action="retry"]').click();
    await expect.poll(async () => (await admin.read(comment.id)).status, { timeout: 30000 }).toBe('spam');
    await admin.removePost(post);
  });
});
