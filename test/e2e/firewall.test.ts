/**
 * A Cloudflare challenge in front of the real WordPress's REST API (scenario firewall-challenge),
 * in Chromium with the built extension: a decision made on the article while the challenge is on
 * waits, and both the article and the popup say that the site's firewall holds it up and what to
 * let through — then it reaches WordPress once the challenge ends and the user presses Retry.
 * Screenshots: test-results/screenshots/firewall-inline.png, test-results/popup/firewall-blocked.png.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, readStore, screenshot } from '../../scripts/extension-browser.ts';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchAsEditor(wp.url, editor, 1);
});
afterAll(async () => {
  await setScenarios(site, []);
  await browser?.close();
});

describe('a firewall in front of the site', () => {
  it('a decision made during a Cloudflare challenge waits with the firewall’s message, and goes out after it', async () => {
    const post = await admin.createPost({ title: 'Hinter der Firewall' });
    const held = await admin.createComment(post, { author_name: 'Frida Firewall', content: 'Bitte freigeben.' });
    await admin.createComment(post, { author_name: 'Bruno Beispiel', content: 'Ich warte auch.' });

    const page = await browser.context.newPage();
    await page.goto(`${wp.url}/?p=${post}`);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.text('card')).length, { timeout: 20000 }).toBe(2);

    await setScenarios(site, ['firewall-challenge']);
    try {
      const frida = (await ui.text('card')).findIndex((text) => text.includes('Frida Firewall'));
      await ui.click('card', frida, 'button[data-action="approve"]');
      // The article says it waits, who holds it up and what to let through — not "failed", not "offline".
      await expect
        .poll(async () => (await ui.text('card'))[frida] ?? '', { timeout: 20000 })
        .toMatch(/Waiting: Freigabe's requests to \/wp-json\/ are answered by Cloudflare with a browser challenge/);
      const cardText = (await ui.text('card'))[frida] ?? '';
      expect(cardText).toContain('skip the challenge for /wp-json/');
      expect(cardText).not.toMatch(/Failed|offline|sign in/i);
      await page.locator('#comments').scrollIntoViewIfNeeded();
      await screenshot(page, 'firewall-inline');

      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 460, height: 600 });
      await popup.goto(browser.extensionUrl('src/popup/index.html'));
      const siteLine = popup.locator('.sites .site').first();
      await expect.poll(() => siteLine.textContent(), { timeout: 20000 }).toContain('blocked by a firewall');
      expect(await siteLine.textContent()).toContain('skip the challenge for /wp-json/');
      const tray = popup.locator('.pending-decisions');
      await expect
        .poll(() => tray.textContent(), { timeout: 10000 })
        .toContain("Approval waits until the site's firewall lets Freigabe through");
      expect(await tray.textContent()).toContain('Frida Firewall');
      mkdirSync(resolve('test-results/popup'), { recursive: true });
      await popup.screenshot({ path: join(resolve('test-results/popup'), 'firewall-blocked.png') });
      const [waiting] = await readStore<{ state: string; error: { kind: string } | null }>(browser.worker, 'outbox');
      expect(waiting).toMatchObject({ state: 'waiting', error: { kind: 'blocked' } });

      // The owner lets Freigabe through; the user presses Retry on the site's line.
      await setScenarios(site, []);
      await popup.click('.sites .site button[data-action="retry-sync"]');
      await expect.poll(async () => (await admin.read(held.id)).status, { timeout: 20000 }).toBe('approved');
      await expect.poll(() => siteLine.textContent(), { timeout: 10000 }).not.toContain('blocked');
      await expect.poll(() => popup.locator('.pending-decisions').count(), { timeout: 10000 }).toBe(0);
      await expect.poll(async () => (await ui.text('card'))[frida] ?? '', { timeout: 10000 }).not.toContain('Waiting');
      await popup.close();
    } finally {
      await setScenarios(site, []);
      await ui.close();
      await page.close();
    }
  });

  it('a WAF blocking a reply’s link: the reply waits and says so; undo gives the text back as a draft', async () => {
    const post = await admin.createPost({ title: 'Hinter der WAF' });
    const asked = await admin.createComment(post, { author_name: 'Wanda Waf', content: 'Wo steht das?' });
    const page = await browser.context.newPage();
    await page.goto(`${wp.url}/?p=${post}`);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.text('card')).length, { timeout: 20000 }).toBe(1);

    await setScenarios(site, ['waf-blocks-html-posts']);
    try {
      const text = 'Hier: <a href="https://example.org/faq">unsere FAQ</a>';
      await ui.click('card', 0, 'button[data-action="reply"]');
      await expect.poll(() => ui.focused('card', 0, 'textarea')).toBe(true);
      await page.keyboard.type(text);
      await ui.click('card', 0, 'button[data-submit="reply"]');
      await expect
        .poll(async () => (await ui.text('card'))[0] ?? '', { timeout: 20000 })
        .toContain('Waiting: This text was blocked by Wordfence: its HTML (a link, a tag) looks like an attack');
      expect((await ui.text('card'))[0]).toContain('Allowlisted URLs');
      await page.locator('[data-freigabe-host="card"]').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'firewall-waf-inline');

      // The popup's row for the comment says the same; the site itself is fine.
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 460, height: 600 });
      await popup.goto(browser.extensionUrl('src/popup/index.html'));
      await expect
        .poll(() => popup.locator(`[data-comment-id="${asked.id}"] .outbox-state`).textContent(), { timeout: 10000 })
        .toContain('Reply is waiting: This text was blocked by Wordfence');
      expect(await popup.locator('.sites .site').first().textContent()).not.toContain('blocked');
      mkdirSync(resolve('test-results/popup'), { recursive: true });
      await popup.screenshot({ path: join(resolve('test-results/popup'), 'firewall-waf-reply.png') });
      await popup.close();

      // Undo: nothing was posted, and the text is a draft again.
      await ui.click('card', 0, '.state button');
      await expect.poll(async () => (await ui.text('card'))[0] ?? '', { timeout: 10000 }).not.toContain('Waiting');
      await ui.click('card', 0, 'button[data-action="reply"]');
      expect(await ui.property('card', 0, 'textarea', 'value')).toBe(text);
      await setScenarios(site, []);
      expect(await admin.children(asked.id)).toEqual([]);
    } finally {
      await setScenarios(site, []);
      await ui.close();
      await page.close();
    }
  });
});
