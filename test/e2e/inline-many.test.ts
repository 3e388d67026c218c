/**
 * Forty pending comments on one article of the real WordPress (classic theme): their cards render in
 * the page's idle time, a few at a time (issue 14), and every one of them arrives, in its place — a
 * reply inside its parent's comment, in the order WordPress would print it; a top-level one after
 * the published ones, oldest first — and j walks them in that order.
 * Screenshot: test-results/screenshots/inline-forty.png
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, screenshot } from '../../scripts/extension-browser.ts';
import { setOptions } from '../../scripts/wp/scenarios.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const site = { url: wp.url, dir: inject('wpDir') };

const pending = 40;
let browser: ExtensionBrowser;
let postId: number;
const published: number[] = [];
/** each pending comment's number (its author is "Wartend <n>") and the comment it replies to (0: none) */
const parents = new Map<number, number>();

const at = (start: number, hours: number) => new Date(start + hours * 3_600_000).toISOString().slice(0, 19);

beforeAll(async () => {
  await setOptions(site, { page_comments: 0, comment_order: 'asc', thread_comments: 1, thread_comments_depth: 5 });
  postId = await admin.createPost({ title: 'Vierzig wartende Kommentare' });
  const start = Date.now() - 5 * 86_400_000;
  for (let i = 1; i <= 8; i++) {
    const comment = await admin.createComment(postId, {
      status: 'approved',
      author_name: `Leserin ${i}`,
      content: `Freigegebener Beitrag ${i}.`,
      date_gmt: at(start, i),
    });
    published.push(comment.id);
  }
  // Numbered in date order: every other one answers a published comment, the rest are top level.
  for (let n = 1; n <= pending; n++) {
    const parent = n % 2 === 0 ? (published[n % published.length] as number) : 0;
    await admin.createComment(postId, {
      status: 'hold',
      author_name: `Wartend ${n}`,
      content: `Wartet auf Freigabe, Nummer ${n}.`,
      date_gmt: at(start, 10 + n),
      ...(parent ? { parent } : {}),
    });
    parents.set(n, parent);
  }
  browser = await launchAsEditor(wp.url, editor, 1);
});

afterAll(async () => {
  await browser?.close();
  await admin.removePost(postId);
});

const numberIn = (text: string) => Number(/Wartend (\d+)/.exec(text)?.[1]);

describe('forty pending comments on one article', () => {
  it('every card renders, each in its place, in the order WordPress prints them; j walks them in that order', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${wp.url}/?p=${postId}`);
    const ui = await shadowUi(page);
    // Rendered cards only (shadowUi counts a host once it has content).
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 30_000 }).toBe(pending);
    const numbers = (await ui.text('card')).map(numberIn);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: pending }, (_, i) => i + 1));

    // Where each card is: the comment whose replies hold it (0: the thread's own list).
    const homes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-freigabe-host="card"]')].map((host) => {
        const parent = host.parentElement?.closest('li[id^="comment-"]');
        return parent ? Number(parent.id.replace('comment-', '')) : 0;
      }),
    );
    expect(homes).toEqual(numbers.map((n) => parents.get(n)));
    // Under each parent and in the list: oldest first, as WordPress prints them (comment_order asc).
    for (const home of new Set(homes)) {
      const here = numbers.filter((_, index) => homes[index] === home);
      expect(here).toEqual([...here].sort((a, b) => a - b));
    }
    // The top-level ones come after every published comment (they are newer).
    const lastPublished = await page.evaluate((ids) => {
      const all = [...document.querySelectorAll('.comment-list > li')];
      return Math.max(...ids.map((id) => all.findIndex((li) => li.id === `comment-${id}`)));
    }, published);
    const firstTopCard = await page.evaluate(() =>
      [...document.querySelectorAll('.comment-list > li')].findIndex((li) => li.hasAttribute('data-freigabe-host')),
    );
    expect(firstTopCard).toBeGreaterThan(lastPublished);

    // The keyboard: j from the top makes each card current in turn, in the order they stand (the
    // theme's comments in between); a card out of order would be passed over and never reached.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const isCurrent = (index: number) =>
      ui.property('card', index, '.toolbar.current', 'className').then(Boolean, () => false);
    let reached = 0;
    for (let press = 0; press < published.length + pending + 4 && reached < pending; press++) {
      await page.keyboard.press('j');
      if (await isCurrent(reached)) reached += 1;
    }
    expect(reached).toBe(pending);
    await page.locator('#comments').scrollIntoViewIfNeeded();
    await screenshot(page, 'inline-forty');
    await ui.close();
    await page.close();
  });
});
