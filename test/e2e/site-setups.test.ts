/**
 * Setups of the real WordPress that move things the extension relies on, in Chromium with the built
 * extension: plain permalinks (REST at `index.php?rest_route=`) and a custom REST prefix (/api/) —
 * connected from an article page, the inline view works there (approve by click, reply inline);
 * comments closed on an old article — moderation works, a reply is refused with WordPress's words
 * and the draft comes back. Screenshots: test-results/screenshots/setup-*.png.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  logInInNewTab,
  readStore,
  screenshot,
  writeSettings,
} from '../../scripts/extension-browser.ts';
import { setOptions, setScenarios } from '../../scripts/wp/scenarios.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const prettyPermalinks = '/%year%/%monthnum%/%postname%/';

afterAll(async () => {
  await setScenarios(site, []);
  await setOptions(site, {
    permalink_structure: prettyPermalinks,
    close_comments_for_old_posts: '0',
    close_comments_days_old: '14',
  });
});

/** Chromium with the editor logged in and the site connected from `url` (an article), undo window 1 s. */
async function connectedFrom(url: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension();
  await logInInNewTab(browser, wp.url, editor);
  const options = await connectWithApplicationPassword(browser, url, editor.login, editor.applicationPassword);
  expect(await options.getAttribute('.connect-result', 'class')).toContain('done');
  await options.close();
  await writeSettings(browser.worker, { undoWindowSeconds: 1, syncIntervalMinutes: 2, notifyNewPending: false });
  return browser;
}

describe.each([
  {
    name: 'plain permalinks',
    shot: 'setup-plain-permalinks',
    switchOn: () => setOptions(site, { permalink_structure: '' }),
    switchOff: () => setOptions(site, { permalink_structure: prettyPermalinks }),
    root: `${wp.url}/index.php?rest_route=/`,
  },
  {
    name: 'a custom REST prefix',
    shot: 'setup-rest-prefix',
    switchOn: () => setScenarios(site, ['rest-prefix']),
    switchOff: () => setScenarios(site, []),
    root: `${wp.url}/api/`,
  },
])('$name', ({ shot, switchOn, switchOff, root }) => {
  it('connects from the article; the inline view approves and replies there', async () => {
    await switchOn();
    let browser: ExtensionBrowser | undefined;
    try {
      const admin = adminApi(wp, root);
      const post = await admin.createPost({ title: `Anderswo: ${shot}` });
      const approve = await admin.createComment(post, { author_name: 'Anna Anders', content: 'Bitte freigeben.' });
      const answer = await admin.createComment(post, { author_name: 'Bert Bitte', content: 'Eine Frage.' });
      const article = await admin.postLink(post);

      browser = await connectedFrom(article);
      const [connected] = await readStore<{ id: string }>(browser.worker, 'sites');
      expect(connected?.id).toBe(root);

      const page = await browser.context.newPage();
      await page.goto(article);
      const ui = await shadowUi(page);
      await expect.poll(async () => (await ui.text('card')).length, { timeout: 20000 }).toBe(2);
      const cards = await ui.text('card');
      await ui.click(
        'card',
        cards.findIndex((text) => text.includes('Anna Anders')),
        'button[data-action="approve"]',
      );
      await expect.poll(async () => (await admin.read(approve.id)).status, { timeout: 20000 }).toBe('approved');

      const bert = cards.findIndex((text) => text.includes('Bert Bitte'));
      await ui.click('card', bert, 'button[data-action="reply"]');
      await expect.poll(() => ui.focused('card', bert, 'textarea')).toBe(true);
      await page.keyboard.type('Gute Frage, die Antwort folgt.');
      await ui.click('card', bert, 'button[data-submit="reply"]');
      await expect
        .poll(async () => (await admin.children(answer.id)).map((reply) => reply.content.raw), { timeout: 20000 })
        .toEqual(['Gute Frage, die Antwort folgt.']);
      await page.locator('#comments').scrollIntoViewIfNeeded();
      await screenshot(page, shot);
      await ui.close();
      await admin.removePost(post);
    } finally {
      await browser?.close();
      await switchOff();
    }
  });
});

describe('comments closed on an old article', () => {
  it('approve works; a reply is refused with WordPress’s message and the draft comes back', async () => {
    const admin = adminApi(wp);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 19);
    const post = await admin.createPost({ title: 'Alter Artikel, Kommentare geschlossen', date_gmt: monthAgo });
    const approve = await admin.createComment(post, { author_name: 'Clara Closed', content: 'Noch freigeben.' });
    const answer = await admin.createComment(post, { author_name: 'Dora Danke', content: 'Eine späte Frage.' });
    await setOptions(site, { close_comments_for_old_posts: '1', close_comments_days_old: '14' });
    const browser = await launchAsEditor(wp.url, editor, 1);
    try {
      const page = await browser.context.newPage();
      await page.goto(`${wp.url}/?p=${post}`);
      const ui = await shadowUi(page);
      await expect.poll(async () => (await ui.text('card')).length, { timeout: 20000 }).toBe(2);
      const cards = await ui.text('card');
      const clara = cards.findIndex((text) => text.includes('Clara Closed'));
      const dora = cards.findIndex((text) => text.includes('Dora Danke'));

      await ui.click('card', clara, 'button[data-action="approve"]');
      await expect.poll(async () => (await admin.read(approve.id)).status, { timeout: 20000 }).toBe('approved');

      const text = 'Danke für die Frage – die Antwort steht im neuen Artikel.';
      await ui.click('card', dora, 'button[data-action="reply"]');
      await expect.poll(() => ui.focused('card', dora, 'textarea')).toBe(true);
      await page.keyboard.type(text);
      await ui.click('card', dora, 'button[data-submit="reply"]');
      await expect
        .poll(async () => (await ui.text('card'))[dora] ?? '', { timeout: 20000 })
        .toContain('Failed: Sorry, comments are closed for this item. Comments on this article are closed');
      expect((await ui.text('card'))[dora]).toContain('Your reply is kept as a draft');
      expect(await admin.children(answer.id)).toEqual([]);
      // Comments closed and none published: the theme prints no comment section; the cards stand in for it.
      await page.locator('[data-freigabe-host="card"]').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'setup-comments-closed');

      // The draft is back: Reply opens with the text, to copy or send elsewhere.
      await ui.click('card', dora, 'button[data-action="reply"]');
      expect(await ui.property('card', dora, 'textarea', 'value')).toBe(text);
      const outbox = await readStore<{ decision: string; state: string }>(browser.worker, 'outbox');
      expect(outbox.find((row) => row.decision === 'reply')?.state).toBe('failed');

      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 460, height: 600 });
      await popup.goto(browser.extensionUrl('src/popup/index.html'));
      await expect
        .poll(() => popup.locator('.pending-decisions').textContent(), { timeout: 10000 })
        .toContain('Reply failed: Sorry, comments are closed for this item.');
      await screenshot(popup, 'setup-comments-closed-popup');
      await ui.close();
    } finally {
      await browser.close();
      await setOptions(site, { close_comments_for_old_posts: '0', close_comments_days_old: '14' });
      await admin.removePost(post);
    }
  });
});
