/**
 * The inline view in Firefox ESR (the Firefox build, over WebDriver BiDi), as inline.test.ts proves
 * it in Chromium: pending comments in the theme's thread under their parent in a classic theme
 * (Twenty Twenty-One) and a block theme (Twenty Twenty-Three), approve by click, spam by keyboard,
 * a reply draft that survives a reload, approve-and-reply, trash from the toolbar; each result
 * checked on the server. One Firefox for the file. Screenshots: test-results/screenshots/firefox-inline-*.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { switchTheme } from '../../scripts/wp/index.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import {
  type FirefoxWithExtension,
  firefoxShadowUi,
  launchFirefoxAsEditor,
  readStore,
  screenshot,
} from './support/firefox.ts';
import type { ShadowUi } from './support/shadow.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const site = { url: wp.url, dir: inject('wpDir') };

let firefox: FirefoxWithExtension;
let postId: number;
let link: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  // A post of its own: two published comments (one a reply), three pending ones (one under the reply).
  postId = await admin.createPost({ title: 'Inline-Moderation in Firefox' });
  const make = async (key: string, fields: Parameters<typeof admin.createComment>[1]) => {
    ids[key] = (await admin.createComment(postId, fields)).id;
  };
  await make('anna', { status: 'approved', author_name: 'Anna Alt', content: 'Erster Gedanke.' });
  await make('ben', { status: 'approved', author_name: 'Ben Brand', parent: ids.anna, content: 'Antwort an Anna.' });
  await make('cara', { status: 'hold', author_name: 'Cara Chor', parent: ids.ben, content: 'Wartet unter Ben.' });
  await make('dirk', { status: 'hold', author_name: 'Dirk Dach', content: 'Wartet oben.' });
  await make('emil', { status: 'hold', author_name: 'Emil Eck', content: 'Noch einer.' });
  link = `${wp.url}/?p=${postId}`;
  firefox = await launchFirefoxAsEditor(wp.url, editor, 1);
});

afterAll(async () => {
  await firefox?.close();
  await switchTheme(site, 'twentytwentyone');
});

const serverStatus = async (id: number) => (await admin.read(id)).status;

async function indexOf(ui: ShadowUi, author: string): Promise<number> {
  return (await ui.text('card')).findIndex((text) => text.includes(author));
}

async function isCurrent(ui: ShadowUi, author: string): Promise<boolean> {
  const index = await indexOf(ui, author);
  if (index < 0) return false;
  return ui.property('card', index, '.toolbar.current', 'className').then(Boolean, () => false);
}

describe('the inline view in Firefox', () => {
  it('classic theme: pending comments under their parent, approve by click, spam by keyboard, a reply draft survives a reload', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(link);
    const ui = await firefoxShadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(3);
    expect((await ui.text('card')).join('\n')).toContain('Pending');
    // Cara's card (the first in document order) sits in Ben's reply list.
    expect((await ui.text('card'))[0]).toContain('Cara Chor');
    const caraUnderBen = await page.evaluate(
      (ben) => document.querySelector('[data-freigabe-host="card"]')?.closest(`#comment-${ben}`) != null,
      ids.ben as number,
    );
    expect(caraUnderBen).toBe(true);
    expect((await ui.text('summary'))[0]).toContain('3 pending');
    await page.evaluate(() => document.querySelector('#comments')?.scrollIntoView());
    await screenshot(page, 'inline-classic');

    // Approve Dirk's comment with a click on its card.
    await ui.click('card', await indexOf(ui, 'Dirk Dach'), 'button[data-action="approve"]');
    await expect.poll(() => serverStatus(ids.dirk as number), { timeout: 20000 }).toBe('approved');

    // Keyboard: j to Emil's card, s for spam.
    // Keys go to the page, not to the button clicked last (a click at the top would hit the admin bar).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 12 && !(await isCurrent(ui, 'Emil Eck')); i += 1) await page.keyboard.press('j');
    expect(await isCurrent(ui, 'Emil Eck')).toBe(true);
    await page.keyboard.press('s');
    await expect.poll(() => serverStatus(ids.emil as number), { timeout: 20000 }).toBe('spam');

    // Reply to Cara, reload: the draft is there; then approve and reply.
    const cara = await indexOf(ui, 'Cara Chor');
    await ui.click('card', cara, 'button[data-action="reply"]');
    await expect.poll(() => ui.focused('card', cara, 'textarea')).toBe(true);
    await page.keyboard.type('Danke, Cara – wir');
    await expect
      .poll(async () => (await readStore<{ content: string }>(firefox.options, 'drafts')).map((d) => d.content), {
        timeout: 10000,
      })
      .toContain('Danke, Cara – wir');
    await page.reload();
    const again = await firefoxShadowUi(page);
    await expect.poll(() => indexOf(again, 'Cara Chor'), { timeout: 20000 }).toBeGreaterThanOrEqual(0);
    const caraAgain = await indexOf(again, 'Cara Chor');
    await again.click('card', caraAgain, 'button[data-action="reply"]');
    expect(await again.property('card', caraAgain, 'textarea', 'value')).toBe('Danke, Cara – wir');
    await expect.poll(() => again.focused('card', caraAgain, 'textarea')).toBe(true);
    await page.keyboard.type(' melden uns.');
    await screenshot(page, 'inline-reply');
    await again.click('card', caraAgain, 'button[data-submit="approveAndReply"]');
    await expect.poll(() => serverStatus(ids.cara as number), { timeout: 20000 }).toBe('approved');
    const repliesToCara = () =>
      fetch(`${wp.url}/wp-json/wp/v2/comments?parent=${ids.cara}&post=${postId}`).then(
        (r) => r.json() as Promise<{ content: { rendered: string } }[]>,
      );
    await expect.poll(async () => (await repliesToCara()).length, { timeout: 20000 }).toBe(1);
    expect((await repliesToCara())[0]?.content.rendered).toContain('Danke, Cara – wir melden uns.');
    await expect.poll(() => readStore(firefox.options, 'drafts')).toEqual([]);
    await page.close();
  });

  it('a spam comment: the toolbar names the keys; d asks, then deletes it for good', async () => {
    const gero = await admin.createComment(postId, {
      status: 'spam',
      author_name: 'Gero Gift',
      content: 'Billige Uhren hier.',
    });
    const page = await firefox.browser.newPage();
    await page.goto(link);
    const ui = await firefoxShadowUi(page);
    await expect.poll(async () => (await ui.hosts('summary')).length, { timeout: 20000 }).toBe(1);
    // Spam shows when asked for ("Show spam").
    await ui.click('summary', 0, 'button[aria-pressed] + button[aria-pressed]');
    await expect.poll(() => indexOf(ui, 'Gero Gift'), { timeout: 20000 }).toBeGreaterThanOrEqual(0);
    const geroIndex = await indexOf(ui, 'Gero Gift');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 12 && !(await isCurrent(ui, 'Gero Gift')); i += 1) await page.keyboard.press('j');
    expect(await isCurrent(ui, 'Gero Gift')).toBe(true);
    expect(await ui.property('card', geroIndex, 'button[data-action="unspam"]', 'ariaKeyShortcuts')).toBe('s');
    expect(await ui.property('card', geroIndex, 'button[data-action="delete"]', 'ariaKeyShortcuts')).toBe('d');
    await page.keyboard.press('d');
    // Nothing is sent until the moderator confirms.
    await expect.poll(async () => (await ui.text('card'))[geroIndex] ?? '', { timeout: 10000 }).toMatch(/permanently/i);
    await screenshot(page, 'inline-spam-delete');
    expect((await admin.read(gero.id)).status).toBe('spam');
    await ui.click('card', geroIndex, '[role="alertdialog"] button.danger');
    await expect
      .poll(
        () =>
          admin.read(gero.id).then(
            (comment) => comment.status,
            () => 'deleted',
          ),
        { timeout: 30000 },
      )
      .toBe('deleted');
    await page.close();
  });

  it('block theme (Twenty Twenty-Three): a pending reply under its parent in the block comment template; trash from its toolbar', async () => {
    await switchTheme(site, 'twentytwentythree');
    const frida = await admin.createComment(postId, {
      status: 'hold',
      author_name: 'Frida Fels',
      parent: ids.anna,
      content: 'Block-Theme wartet.',
    });
    const page = await firefox.browser.newPage();
    await page.goto(link);
    const ui = await firefoxShadowUi(page);
    await expect.poll(() => indexOf(ui, 'Frida Fels'), { timeout: 20000 }).toBeGreaterThanOrEqual(0);
    const underAnna = await page.evaluate(
      (anna) =>
        [...document.querySelectorAll('[data-freigabe-host="card"]')].some((host) => host.closest(`#comment-${anna}`)),
      ids.anna as number,
    );
    expect(underAnna).toBe(true);
    // Toolbars on the theme's own (published) comments too.
    await expect.poll(async () => (await ui.hosts('toolbar')).length, { timeout: 10000 }).toBeGreaterThan(0);
    await page.evaluate(() =>
      document.querySelector('[data-freigabe-host="card"]')?.scrollIntoView({ block: 'center' }),
    );
    await screenshot(page, 'inline-block-theme');
    await ui.click('card', await indexOf(ui, 'Frida Fels'), 'button[data-action="trash"]');
    await expect.poll(() => serverStatus(frida.id), { timeout: 20000 }).toBe('trash');
    await page.close();
  });
});
