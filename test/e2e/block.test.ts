/**
 * "Block this commenter" in Chromium against the real WordPress with the Freigabe Bridge (ADR 030):
 * an administrator blocks from a popup row and from the article's inline toolbar, a visitor's next
 * comment lands where the list says (Trash / pending), the row then says which entry catches it,
 * Undo lets the commenter through again, the options page lists the entry and removes it; an editor
 * is told that only an administrator may. Screenshots: test-results/screenshots/block-dialog.png,
 * block-inline.png, block-options.png.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
} from '../../scripts/extension-browser.ts';
import { setBridge, setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';
import { restRequest, restRoot, user } from '../support/rest.ts';
import { postAsVisitor } from '../support/visitor.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { openPopupOnPost } from './support/popup-page.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const administrator = user(wp, 'admin');
const siteId = `${wp.url}/wp-json/`;
const run = Math.random().toString(36).slice(2, 8);
const posts: number[] = [];
let browser: ExtensionBrowser;

/** What the Bridge's route holds now, read as the administrator (the tests' oracle for the lists). */
async function lists(): Promise<{ disallowed: string[]; moderation: string[]; added: { entry: string }[] }> {
  const response = await restRequest(restRoot(wp), administrator, 'freigabe/v1/blocklist');
  return response.json();
}

async function arrange(title: string, name: string, email: string): Promise<{ post: number; comment: number }> {
  const post = await admin.createPost({ title: `${title} ${run}` });
  posts.push(post);
  const { id } = await admin.createComment(post, { status: 'hold', author_name: name, author_email: email });
  return { post, comment: id };
}

beforeAll(async () => {
  await setBridge(site, true);
  await setScenarios(site, ['no-comment-flood']);
  // Visitors' comments are approved unless a list says otherwise.
  await setOptions(site, { comment_moderation: 0, disallowed_keys: '', moderation_keys: '' });
  browser = await launchAsEditor(wp.url, administrator, 1);
});

afterAll(async () => {
  await browser?.close();
  for (const id of posts) await admin.removePost(id).catch(() => undefined);
  await setOptions(site, {
    comment_moderation: 1,
    disallowed_keys: '',
    moderation_keys: '',
    freigabe_bridge_blocklist_added: null,
  });
  await setScenarios(site, []);
  await setBridge(site, false);
});

describe('blocking a commenter as an administrator', () => {
  it('from a popup row into the Disallowed list: the next comment goes to the Trash; Undo lets them through', async () => {
    const email = `paula.popup.${run}@example.org`;
    const { post, comment } = await arrange('E2E-Sperre', 'Paula Popup', email);
    const popup = await openPopupOnPost(browser, siteId, post);
    const row = popup.locator(`[data-comment-id="${comment}"]`);
    await row.locator('.item-meta').click();
    await row.locator('button[data-action="block"]').click();
    const dialog = popup.locator('[role="dialog"].block-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('input[data-block-key="email"]').isChecked()).toBe(true);
    expect(await dialog.locator('label.block-choice').allTextContents()).toEqual([
      `Email: ${email}`,
      'IP address: 198.51.100.200',
      'A word or phrase',
      'wait for approval (Comment Moderation list)',
      'go to the Trash (Disallowed Comment Keys)',
    ]);
    await dialog.locator('input[data-block-list="disallowed"]').check();
    await screenshot(popup, 'block-dialog');
    await dialog.locator('button[data-action="confirm-block"]').click();
    await expect
      .poll(() => dialog.locator('[role="status"]').textContent())
      .toBe(`Blocked ${email}: new comments that match go to the Trash.`);
    expect((await lists()).disallowed).toEqual([email]);

    expect((await postAsVisitor(wp, post, { author: 'Paula', email, content: `Wieder da ${run}` })).status).toBe(
      'trash',
    );
    // The row behind the dialog says which entry catches the commenter.
    await expect.poll(() => row.locator('.block-match').textContent()).toBe(`Matches your disallowed list: ${email}`);

    await dialog.locator('button[data-action="undo-block"]').click();
    await expect.poll(() => dialog.locator('[role="status"]').textContent()).toBe(`${email} is no longer blocked.`);
    expect((await lists()).disallowed).toEqual([]);
    expect((await postAsVisitor(wp, post, { author: 'Paula', email, content: `Noch mal ${run}` })).status).toBe(
      'approved',
    );
    await dialog.locator('button[data-action="close-block"]').click();
    await expect.poll(() => row.locator('.block-match').count()).toBe(0);
    await popup.close();
  });

  it('from the article’s inline toolbar into the Moderation list: the next comment waits', async () => {
    const email = `ines.inline.${run}@example.org`;
    const { post } = await arrange('E2E-Sperre-Artikel', 'Ines Inline', email);
    const page = await browser.context.newPage();
    await page.goto(`${wp.url}/?p=${post}`);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(1);
    await ui.click('card', 0, 'button[data-action="block"]');
    // The email and IP are asked of the background only now.
    await expect.poll(async () => (await ui.text('card'))[0] ?? '').toContain(`Email: ${email}`);
    await ui.click('card', 0, 'input[data-block-list="moderation"]');
    await ui.reveal('card', 0, '.block-panel');
    await screenshot(page, 'block-inline');
    await ui.click('card', 0, 'button[data-action="confirm-block"]');
    await expect
      .poll(async () => (await ui.text('card'))[0] ?? '')
      .toContain(`Blocked ${email}: new comments that match wait for approval.`);
    expect(await lists()).toMatchObject({ moderation: [email], added: [{ entry: email }] });
    expect((await postAsVisitor(wp, post, { author: 'Ines', email, content: `Nachtrag ${run}` })).status).toBe('hold');
    // The card says a list catches the commenter — without putting their address on the page.
    await expect
      .poll(async () => (await ui.text('card'))[0] ?? '', { timeout: 20000 })
      .toContain('Matches your moderation list');
    // The line names the list, not the matched address (the form above still shows what was blocked).
    expect(await ui.property('card', 0, '.block-match', 'textContent')).toBe('Matches your moderation list');
    await ui.reveal('card', 0, '.block-match');
    await screenshot(page, 'block-inline-match');
    await ui.close();
    await page.close();
  });

  it('the options page lists the entries Freigabe added and removes one, leaving the administrator’s own', async () => {
    await setOptions(site, { disallowed_keys: `eigene-zeile-${run}.example` });
    const options = await browser.openExtensionPage('src/options/index.html');
    const entry = options.locator(`[data-blocked-entry="ines.inline.${run}@example.org"]`);
    await entry.waitFor({ timeout: 20000 });
    expect(await entry.textContent()).toBe(`ines.inline.${run}@example.org — held for approval Remove`);
    // Read again when the page opened: the administrator's line written meanwhile is counted.
    await expect
      .poll(() => options.locator('.blocked .muted').allTextContents())
      .toContain('Your own entries: 1 — Freigabe leaves them as they are (Settings → Discussion).');
    await screenshot(options, 'block-options');
    await entry.locator('button[data-action="remove-blocked"]').click();
    await entry.waitFor({ state: 'detached' });
    expect(await options.locator('.blocked').textContent()).toContain('Nothing blocked through Freigabe.');
    expect(await lists()).toEqual({ disallowed: [`eigene-zeile-${run}.example`], moderation: [], added: [] });
    await options.close();
  });
});

describe('blocking as an editor', () => {
  it('says that only an administrator may', async () => {
    const editor = user(wp, 'editor');
    const { post, comment } = await arrange('E2E-Sperre-Redaktion', 'Erik Editor', `erik.${run}@example.org`);
    const asEditor = await launchWithExtension();
    try {
      await connectWithApplicationPassword(asEditor, wp.url, editor.login, editor.applicationPassword);
      const popup = await openPopupOnPost(asEditor, siteId, post);
      const row = popup.locator(`[data-comment-id="${comment}"]`);
      await row.locator('.item-meta').click();
      await row.locator('button[data-action="block"]').click();
      const unavailable = popup.locator('[role="dialog"].block-dialog [data-block-unavailable]');
      await expect.poll(() => unavailable.getAttribute('data-block-unavailable')).toBe('admin-only');
      expect(await unavailable.locator('p').textContent()).toBe(
        'Only an administrator of this site may block commenters: WordPress keeps its blocklists in Settings → Discussion.',
      );
      await screenshot(popup, 'block-editor');
    } finally {
      await asEditor.close();
    }
  });
});
