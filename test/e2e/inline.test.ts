/**
 * The inline view on the real WordPress, in a classic theme (Twenty Twenty-One) and a block theme
 * (Twenty Twenty-Three): pending comments appear in the theme's thread under their parent, the
 * moderator approves with a click and spams with the keyboard, replies inline (the draft survives a
 * reload), deletes a spam comment for good with `d` as the popup does, and each result is checked
 * on the server. Screenshots: test-results/screenshots/inline-*.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, readStore, screenshot } from '../../scripts/extension-browser.ts';
import { switchTheme } from '../../scripts/wp/index.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const site = { url: wp.url, dir: inject('wpDir') };

let browser: ExtensionBrowser;
let postId: number;
let link: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  // A post of its own, so other tests' counts never move: two published comments (one reply),
  // three pending ones (one under the reply, one top level, one whose parent is trashed).
  postId = await admin.createPost({ title: 'Inline-Moderation im Test' });
  ids.anna = (
    await admin.createComment(postId, { status: 'approved', author_name: 'Anna Alt', content: 'Erster Gedanke.' })
  ).id;
  ids.ben = (
    await admin.createComment(postId, {
      status: 'approved',
      author_name: 'Ben Brand',
      parent: ids.anna,
      content: 'Antwort an Anna.',
    })
  ).id;
  ids.cara = (
    await admin.createComment(postId, {
      status: 'hold',
      author_name: 'Cara Chor',
      parent: ids.ben,
      content: 'Wartet unter Ben.',
    })
  ).id;
  ids.dirk = (
    await admin.createComment(postId, { status: 'hold', author_name: 'Dirk Dach', content: 'Wartet oben.' })
  ).id;
  ids.emil = (
    await admin.createComment(postId, { status: 'hold', author_name: 'Emil Eck', content: 'Noch einer.' })
  ).id;
  link = `${wp.url}/?p=${postId}`;

  browser = await launchAsEditor(wp.url, editor, 1);
});

afterAll(async () => {
  await browser?.close();
  await switchTheme(site, 'twentytwentyone');
});

const serverStatus = async (id: number) => (await admin.read(id)).status;

describe('inline view on the real WordPress', () => {
  it('classic theme: pending comments in place, approve by click, spam by keyboard, reply with a draft that survives a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(link);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(3);
    const cards = await ui.text('card');
    expect(cards.join('\n')).toContain('Cara Chor');
    expect(cards.join('\n')).toContain('Pending');
    // Cara's card is in Ben's reply list: the element before it in the DOM is Ben's comment.
    const caraUnderBen = await page.evaluate(
      ([ben]) => {
        const host = [...document.querySelectorAll('[data-freigabe-host="card"]')][0];
        return host?.closest(`#comment-${ben}`) !== null;
      },
      [ids.ben],
    );
    expect(caraUnderBen).toBe(true);
    expect((await ui.text('summary'))[0]).toContain('3 pending');
    await page.locator('#comments').scrollIntoViewIfNeeded();
    await screenshot(page, 'inline-classic');

    // Approve Dirk's comment with a click on its card.
    const dirkIndex = (await ui.text('card')).findIndex((text) => text.includes('Dirk Dach'));
    await ui.click('card', dirkIndex, 'button[data-action="approve"]');
    await expect.poll(() => serverStatus(ids.dirk as number), { timeout: 20000 }).toBe('approved');

    // Keyboard: move to Emil's card with j and spam it with s.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('j');
      const current = await ui.text('card');
      if (current.some((text) => text.includes('Emil Eck')) && (await isCurrent(ui, 'Emil Eck'))) break;
    }
    await page.keyboard.press('s');
    await expect.poll(() => serverStatus(ids.emil as number), { timeout: 20000 }).toBe('spam');

    // Reply to Cara: type, leave, come back: the draft is there; then approve and reply.
    const caraIndex = (await ui.text('card')).findIndex((text) => text.includes('Cara Chor'));
    await ui.click('card', caraIndex, 'button[data-action="reply"]');
    await expect.poll(() => ui.focused('card', caraIndex, 'textarea')).toBe(true);
    await page.keyboard.type('Danke, Cara – wir');
    await expect
      .poll(async () => (await readStore<{ content: string }>(browser.worker, 'drafts')).map((d) => d.content), {
        timeout: 10000,
      })
      .toContain('Danke, Cara – wir');
    await ui.close();
    await page.reload();
    const again = await shadowUi(page);
    await expect.poll(async () => (await again.hosts('card')).length, { timeout: 20000 }).toBeGreaterThan(0);
    const caraAgain = (await again.text('card')).findIndex((text) => text.includes('Cara Chor'));
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
    // The reply follows the approval in the outbox (one after the other, for the same comment).
    await expect.poll(async () => (await repliesToCara()).length, { timeout: 20000 }).toBe(1);
    const replies = await repliesToCara();
    expect(replies[0]?.content.rendered).toContain('Danke, Cara – wir melden uns.');
    expect(await readStore(browser.worker, 'drafts')).toEqual([]);
    await again.close();
    await page.close();
  });

  it('a spam comment: d deletes it for good on the page, as in the popup (one table for both); s and u would restore it', async () => {
    const gero = await admin.createComment(postId, {
      status: 'spam',
      author_name: 'Gero Gift',
      content: 'Billige Uhren hier.',
    });
    const page = await browser.context.newPage();
    await page.goto(link);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.hosts('summary')).length, { timeout: 20000 }).toBe(1);
    // Spam shows when asked for.
    await ui.click('summary', 0, 'button[aria-pressed] + button[aria-pressed]');
    await expect
      .poll(async () => (await ui.text('card')).some((text) => text.includes('Gero Gift')), { timeout: 20000 })
      .toBe(true);
    const geroIndex = (await ui.text('card')).findIndex((text) => text.includes('Gero Gift'));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 12 && !(await isCurrent(ui, 'Gero Gift')); i += 1) await page.keyboard.press('j');
    expect(await isCurrent(ui, 'Gero Gift')).toBe(true);
    // The toolbar names the keys the popup uses: s and u restore ("Not spam"), d deletes permanently.
    expect(await ui.property('card', geroIndex, 'button[data-action="unspam"]', 'ariaKeyShortcuts')).toBe('s');
    expect(await ui.property('card', geroIndex, 'button[data-action="delete"]', 'ariaKeyShortcuts')).toBe('d');
    expect(
      await ui.property('card', geroIndex, 'button[data-action="trash"]', 'className').catch(() => null),
    ).toBeNull();
    await screenshot(page, 'inline-spam-keys');
    await page.keyboard.press('d');
    // Deleting for good asks first on the page too; nothing is sent until the moderator confirms.
    await expect
      .poll(async () => (await ui.text('card'))[geroIndex] ?? '', { timeout: 10000 })
      .toMatch(/Delete this comment permanently|permanently/i);
    expect((await admin.read(gero.id)).status).toBe('spam');
    await ui.click('card', geroIndex, '[role="alertdialog"] button.danger');
    // Deleted, not trashed (the page trashed it before): WordPress no longer knows the comment.
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
    await ui.close();
    await page.close();
  });

  it('block theme (Twenty Twenty-Three): the same pending comment appears in the block comment template', async () => {
    await switchTheme(site, 'twentytwentythree');
    const pending = await admin.createComment(postId, {
      status: 'hold',
      author_name: 'Frida Fels',
      parent: ids.anna,
      content: 'Block-Theme wartet.',
    });
    const page = await browser.context.newPage();
    await page.goto(link);
    const ui = await shadowUi(page);
    await expect
      .poll(async () => (await ui.text('card')).some((text) => text.includes('Frida Fels')), { timeout: 20000 })
      .toBe(true);
    const underAnna = await page.evaluate((anna) => {
      const host = [...document.querySelectorAll('[data-freigabe-host="card"]')].find((element) =>
        element.closest(`#comment-${anna}`),
      );
      return host !== undefined;
    }, ids.anna as number);
    expect(underAnna).toBe(true);
    // Toolbars on the theme's own comments too (published ones: unapprove, spam, trash…).
    await expect.poll(async () => (await ui.hosts('toolbar')).length, { timeout: 10000 }).toBeGreaterThan(0);
    await page.locator('.wp-block-comments').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'inline-block-theme');
    const fridaIndex = (await ui.text('card')).findIndex((text) => text.includes('Frida Fels'));
    await ui.click('card', fridaIndex, 'button[data-action="trash"]');
    await expect.poll(() => serverStatus(pending.id), { timeout: 20000 }).toBe('trash');
    await ui.close();
    await page.close();
  });
});

async function isCurrent(ui: Awaited<ReturnType<typeof shadowUi>>, author: string): Promise<boolean> {
  const texts = await ui.text('card');
  const index = texts.findIndex((text) => text.includes(author));
  if (index < 0) return false;
  try {
    return Boolean(await ui.property('card', index, '.toolbar.current', 'className'));
  } catch {
    return false;
  }
}
