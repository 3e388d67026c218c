/**
 * Paged comments on the real WordPress, set as many blogs set them (page_comments, 10 per page,
 * newest first): an article with 25 top-level comments — pages 1 to 3, and it opens on page 3 —
 * with pending replies to comments on pages 1, 2 and 3 and a new top-level comment. Each page shows
 * only the pending comments that belong on it, under their parent; the summary bar counts the
 * article's pending comments and names the pages where the others wait, with a link that opens
 * that page at the comment; the reactions count the same on every page. Classic theme (Twenty
 * Twenty-One) and block theme (Twenty Twenty-Five; Twenty Twenty-Three on 6.1).
 * Screenshots: test-results/screenshots/pages-<theme>-page-<n>[-summary|-card].png
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, screenshot, screenshotDir } from '../../scripts/extension-browser.ts';
import { switchTheme } from '../../scripts/wp/index.ts';
import { setOptions } from '../../scripts/wp/scenarios.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { type ShadowUi, shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const site = { url: wp.url, dir: inject('wpDir') };
const blockTheme = wp.core === '6.1' ? 'twentytwentythree' : 'twentytwentyfive';

let browser: ExtensionBrowser;
let postId: number;
let link: string;
const top: number[] = [];
let antje = 0;

const at = (start: number, hours: number) => new Date(start + hours * 3_600_000).toISOString().slice(0, 19);

beforeAll(async () => {
  await setOptions(site, {
    page_comments: 1,
    comments_per_page: 10,
    default_comments_page: 'newest',
    comment_order: 'asc',
    thread_comments: 1,
    thread_comments_depth: 5,
  });
  postId = await admin.createPost({ title: 'Kommentarseiten im Test' });
  const start = Date.now() - 3 * 86_400_000;
  for (let i = 1; i <= 25; i++) {
    const comment = await admin.createComment(postId, {
      status: 'approved',
      author_name: `Leserin ${i}`,
      content: `Beitrag ${i} zur Debatte.`,
      date_gmt: at(start, i),
    });
    top.push(comment.id);
  }
  const reply = await admin.createComment(postId, {
    status: 'approved',
    author_name: 'Antje Antwort',
    parent: top[14],
    content: 'Eine freigegebene Antwort auf Seite 2.',
    date_gmt: at(start, 30),
  });
  antje = reply.id;
  const wait = async (author: string, parent: number, hours: number) =>
    (
      await admin.createComment(postId, {
        status: 'hold',
        author_name: author,
        parent,
        content: `${author} wartet auf Freigabe.`,
        date_gmt: at(start, hours),
      })
    ).id;
  await wait('Paula Eins', top[2] as number, 40);
  await wait('Paul Zwei', top[14] as number, 41);
  await wait('Tanja Tief', antje, 41.5);
  await wait('Petra Drei', top[22] as number, 42);
  await wait('Neo Neu', 0, 43);
  link = (await (await fetch(`${wp.url}/wp-json/wp/v2/posts/${postId}`)).json()).link as string;
  browser = await launchAsEditor(wp.url, editor, 1);
});

afterAll(async () => {
  await browser?.close();
  await admin.removePost(postId);
  await setOptions(site, {
    page_comments: 0,
    comments_per_page: 50,
    default_comments_page: 'newest',
    comment_order: 'asc',
    thread_comments: 1,
    thread_comments_depth: 5,
  });
  await switchTheme(site, 'twentytwentyone');
});

const authorOf = (text: string) =>
  ['Paula Eins', 'Paul Zwei', 'Tanja Tief', 'Petra Drei', 'Neo Neu'].find((author) => text.includes(author)) ?? text;

/** The cards on the page, by author, in document order. */
async function cards(ui: ShadowUi): Promise<string[]> {
  return (await ui.text('card')).map(authorOf);
}

async function summary(ui: ShadowUi): Promise<string> {
  return (await ui.text('summary'))[0] ?? '';
}

/** Whether the card of `author` sits inside the theme's element of comment `parent`. */
async function cardIsUnder(page: Page, ui: ShadowUi, author: string, parent: number): Promise<boolean> {
  const index = (await cards(ui)).indexOf(author);
  return page.evaluate(
    ([index, parent]) => {
      const host = document.querySelectorAll('[data-freigabe-host="card"]')[index as number];
      return Boolean(host?.closest(`#comment-${parent}`));
    },
    [index, parent],
  );
}

async function open(page: Page, path: string): Promise<ShadowUi> {
  await page.goto(`${link}${path}`);
  return shadowUi(page);
}

/** The whole page, and the viewport at the summary bar and at the first card (to look at). */
async function frame(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  for (const [part, kind] of [
    ['summary', 'summary'],
    ['card', 'card'],
  ] as const) {
    await page.evaluate(
      (kind) => document.querySelector(`[data-freigabe-host="${kind}"]`)?.scrollIntoView({ block: 'center' }),
      kind,
    );
    await page.screenshot({ path: join(screenshotDir, `${name}-${part}.png`) });
  }
}

async function published(ui: ShadowUi): Promise<string> {
  await ui.click('summary', 0, 'button[aria-expanded]');
  // The overview is a part loaded when it first opens on a page, then reads the article's counts:
  // it may say it is reading before it says them.
  const count = async () => {
    const texts = await ui.text('reactions');
    return texts.length === 1 ? (/(\d+)\s*published/.exec(texts[0] ?? '')?.[1] ?? '') : '';
  };
  await expect.poll(count, { timeout: 10_000 }).not.toBe('');
  return count();
}

async function checkPagesOneAndTwo(theme: string): Promise<void> {
  const page = await browser.context.newPage();
  const second = await open(page, 'comment-page-2/');
  await expect.poll(() => cards(second), { timeout: 20_000 }).toEqual(['Tanja Tief', 'Paul Zwei']);
  expect(await cardIsUnder(page, second, 'Paul Zwei', top[14] as number)).toBe(true);
  expect(await cardIsUnder(page, second, 'Tanja Tief', antje)).toBe(true);
  // The article's count, all pages; and where the others wait.
  await expect.poll(() => summary(second), { timeout: 20_000 }).toContain('1 of them on comment page 1');
  expect(await summary(second)).toContain('5 pending');
  expect(await summary(second)).toContain('2 of them on comment page 3');
  await frame(page, `pages-${theme}-page-2`);
  const publishedOnTwo = await published(second);
  await second.close();

  const first = await open(page, 'comment-page-1/');
  await expect.poll(() => cards(first), { timeout: 20_000 }).toEqual(['Paula Eins']);
  expect(await cardIsUnder(page, first, 'Paula Eins', top[2] as number)).toBe(true);
  await expect.poll(() => summary(first), { timeout: 20_000 }).toContain('2 of them on comment page 2');
  expect(await summary(first)).toContain('5 pending');
  expect(await summary(first)).toContain('2 of them on comment page 3');
  await frame(page, `pages-${theme}-page-1`);
  // 25 top-level comments and one approved reply, counted the same on every page.
  expect(publishedOnTwo).toBe('26');
  expect(await published(first)).toBe('26');
  await first.close();
  await page.close();
}

describe('paged comments on the real WordPress', () => {
  it('classic theme: each page shows its own pending comments; the summary leads to the others', async () => {
    await checkPagesOneAndTwo('classic');
    // The summary's link to page 3 opens it at the pending comment: the reply under its parent,
    // the new top-level comment at the end of the list (the newest, shown first thing on this blog).
    const page = await browser.context.newPage();
    const second = await open(page, 'comment-page-2/');
    await expect.poll(() => summary(second), { timeout: 20_000 }).toContain('2 of them on comment page 3');
    await second.click('summary', 0, '[data-page="3"] a');
    await page.waitForURL(/comment-page-3\/#comment-\d+$/);
    const third = await shadowUi(page);
    await expect.poll(() => cards(third), { timeout: 20_000 }).toEqual(['Petra Drei', 'Neo Neu']);
    expect(await cardIsUnder(page, third, 'Petra Drei', top[22] as number)).toBe(true);
    const newTopLast = await page.evaluate(() => {
      const host = [...document.querySelectorAll('[data-freigabe-host="card"]')].at(-1);
      return host?.parentElement?.matches('ol.comment-list') === true && host.nextElementSibling === null;
    });
    expect(newTopLast).toBe(true);
    await frame(page, 'pages-classic-page-3');
    // The article's own address opens on the newest page: the same two.
    const bare = await open(page, '');
    await expect.poll(() => cards(bare), { timeout: 20_000 }).toEqual(['Petra Drei', 'Neo Neu']);
    await bare.close();
    await third.close();
    await page.close();
  });

  it('threading off: replies flat by date on the last page, each saying what it answers; a depth limit of 2: a reply to a reply beside it', async () => {
    await setOptions(site, { thread_comments: 0 });
    const page = await browser.context.newPage();
    // Flat, every comment fills pages: 26 approved, so all five pending ones are newer than page 3's last.
    const flat = await open(page, '');
    await expect
      .poll(() => cards(flat), { timeout: 20_000 })
      .toEqual(['Paula Eins', 'Paul Zwei', 'Tanja Tief', 'Petra Drei', 'Neo Neu']);
    const texts = await flat.text('card');
    expect(texts[0]).toContain('In reply to \u2068Leserin 3\u2069.');
    expect(texts[2]).toContain('In reply to \u2068Antje Antwort\u2069.');
    expect(texts[4]).not.toContain('In reply to');
    await frame(page, 'pages-flat');
    await flat.close();
    const second = await open(page, 'comment-page-2/');
    await expect.poll(() => summary(second), { timeout: 20_000 }).toContain('5 of them on other comment pages');
    expect(await cards(second)).toEqual([]);
    await second.close();

    await setOptions(site, { thread_comments: 1, thread_comments_depth: 2 });
    const limited = await open(page, 'comment-page-2/');
    // Antje's reply is at the limit: WordPress prints a reply to it right after it, at its level.
    await expect.poll(() => cards(limited), { timeout: 20_000 }).toEqual(['Tanja Tief', 'Paul Zwei']);
    const order = await page.evaluate((antje) => {
      const after = document.getElementById(`comment-${antje}`)?.nextElementSibling;
      return [after?.getAttribute('data-freigabe-host'), after?.className];
    }, antje);
    expect(order).toEqual(['card', 'depth-2']);
    expect((await limited.text('card'))[0]).toContain('In reply to \u2068Antje Antwort\u2069.');
    await frame(page, 'pages-depth-2');
    await limited.close();
    await page.close();
    await setOptions(site, { thread_comments: 1, thread_comments_depth: 5 });
  });

  it(`block theme (${blockTheme}): the same on pages 1 and 2`, async () => {
    await switchTheme(site, blockTheme);
    await checkPagesOneAndTwo('block');
  });
});
