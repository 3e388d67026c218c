/**
 * The store screenshots (1280×800) and the promo tile (440×280), made from the demo blog in English
 * and German: the queue, a cluster, the inline view, the reactions view and the options page, each
 * with a caption. With FREIGABE_STORE_SCREENSHOTS=1 they are written to store/screenshots/<lang>/
 * and store/promo/ (commit them); otherwise to test-results/store-screenshots/, so a test run never
 * changes the tree. The demo article's comments are put back to their seeded statuses first, so the
 * pictures do not depend on which tests ran before.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  logInToWordPress,
  readStore,
  writeSettings,
} from '../../scripts/extension-browser.ts';
import { demoPosts } from '../../scripts/wp/demo-content.ts';
import { basicAuth, user } from '../support/rest.ts';
import { shadowUi } from './support/shadow.ts';
import { frame, pngSize, storeSize } from './support/store-shots.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const siteId = `${wp.url}/wp-json/`;
const article = wp.posts.find((post) => post.key === 'article');
if (!article) throw new Error('demo article missing');
const forStore = process.env.FREIGABE_STORE_SCREENSHOTS === '1';
const root = forStore ? resolve('store') : resolve('test-results/store-screenshots');

const captions = {
  en: {
    queue: 'Every pending comment of your blogs in one queue – opens instantly, works offline',
    cluster: 'Retweet storms and repeated pingbacks grouped: one key clears them all',
    inline: 'Pending comments in place, under the comment they answer – approve, reply, spam',
    reactions: 'Every reaction to an article at a glance: comments, pingbacks, social mentions',
    options: 'Connect your own blogs: no account, no cloud – your data goes only to your blog',
  },
  de: {
    queue: 'Alle wartenden Kommentare Ihrer Blogs in einer Liste – sofort da, auch offline',
    cluster: 'Retweet-Stürme und wiederholte Pingbacks gebündelt: eine Taste für alle',
    inline: 'Wartende Kommentare direkt im Artikel, an ihrem Platz im Thread – freigeben, antworten, Spam',
    reactions: 'Alle Reaktionen auf einen Artikel auf einen Blick: Kommentare, Pingbacks, Erwähnungen',
    options: 'Eigene Blogs verbinden: kein Konto, keine Cloud – Ihre Daten gehen nur an Ihr Blog',
  },
} as const;

/** The demo's comments as seeded (other test files decide some of them). */
async function restoreDemoStatuses(): Promise<void> {
  const headers = { Authorization: basicAuth(user(wp, 'admin')), 'Content-Type': 'application/json' };
  const restStatus = { approved: 'approved', hold: 'hold', spam: 'spam', trash: 'trash' } as const;
  for (const post of demoPosts) {
    for (const comment of post.comments) {
      const id = wp.comments[comment.key];
      if (id === undefined) continue;
      const response = await fetch(`${siteId}wp/v2/comments/${id}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ status: restStatus[comment.status] }),
      });
      // A comment another test deleted for good is simply gone from the pictures.
      if (!response.ok && response.status !== 404) throw new Error(`restoring comment ${id}: HTTP ${response.status}`);
    }
  }
}

beforeAll(async () => {
  await restoreDemoStatuses();
}, 120_000);

for (const [lang, locale] of [
  ['en', 'en-US'],
  ['de', 'de'],
] as const) {
  describe(`store images in ${lang === 'en' ? 'English' : 'German'}`, () => {
    let browser: ExtensionBrowser;
    let articlePage: Page;
    const dir = join(root, 'screenshots', lang);
    const written: string[] = [];

    async function save(name: string, png: Buffer): Promise<void> {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${name}.png`);
      writeFileSync(path, png);
      written.push(path);
      expect(pngSize(png)).toEqual(storeSize);
    }

    async function popupFor(post: number | null): Promise<Page> {
      const popup = await browser.context.newPage();
      // Chrome's popups are at most 800×600.
      await popup.setViewportSize({ width: 460, height: 600 });
      await popup.goto(browser.extensionUrl('src/popup/index.html'));
      await popup.waitForSelector('.queue [role="row"], .empty');
      if (post !== null) await popup.selectOption('select[name="post"]', `${siteId}\n${post}`);
      await expect.poll(() => popup.locator('.queue [role="row"]').count(), { timeout: 20_000 }).toBeGreaterThan(2);
      // Not mid-sync: the header says when the blog was synced, not "syncing…".
      await expect
        .poll(async () => (await readStore<{ status: string }>(popup, 'sites')).map((site) => site.status), {
          timeout: 30_000,
        })
        .toEqual(['connected']);
      return popup;
    }

    const articleBackdrop = async () => {
      await articlePage.evaluate(() => window.scrollTo(0, 0));
      return articlePage.screenshot();
    };

    beforeAll(async () => {
      browser = await launchWithExtension({ locale });
      articlePage = await browser.context.newPage();
      await articlePage.setViewportSize(storeSize);
      await logInToWordPress(articlePage, wp.url, editor.login, editor.password);
      const options = await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
      await options.close();
      await writeSettings(browser.worker, { notifyNewPending: false });
      await articlePage.goto(article.link);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      console.log(`store images (${lang}):\n  ${written.join('\n  ')}`);
    });

    it('the queue over the article, as the toolbar popup shows it', async () => {
      const popup = await popupFor(article.id);
      await popup.keyboard.press('j');
      await save(
        '01-queue',
        await frame(browser.context, {
          backdrop: await articleBackdrop(),
          popup: await popup.screenshot(),
          caption: captions[lang].queue,
          lang,
        }),
      );
      await popup.close();
    });

    it('the RT storm as one cluster, opened', async () => {
      const popup = await popupFor(article.id);
      const cluster = popup.locator('.cluster').first();
      await expect.poll(() => cluster.getAttribute('data-count')).not.toBeNull();
      const index = Number(await cluster.getAttribute('data-row-index'));
      for (let i = 0; i < index; i++) await popup.keyboard.press('j');
      await popup.keyboard.press('Enter');
      await expect.poll(() => popup.locator('[role="row"][aria-level="2"]').count()).toBeGreaterThan(1);
      await popup.locator('.cluster').first().scrollIntoViewIfNeeded();
      await save(
        '02-cluster',
        await frame(browser.context, {
          backdrop: await articleBackdrop(),
          popup: await popup.screenshot(),
          caption: captions[lang].cluster,
          lang,
        }),
      );
      await popup.close();
    });

    it('pending comments in place on the article', async () => {
      const ui = await shadowUi(articlePage);
      await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20_000 }).toBeGreaterThan(0);
      await articlePage
        .locator('[data-freigabe-host="card"]')
        .first()
        .evaluate((card) => {
          card.scrollIntoView({ block: 'center' });
        });
      await save(
        '03-inline',
        await frame(browser.context, {
          backdrop: await articlePage.screenshot(),
          caption: captions[lang].inline,
          lang,
        }),
      );
      await ui.close();
    });

    it("the article's reactions", async () => {
      const ui = await shadowUi(articlePage);
      await ui.click('summary', 0, 'button[aria-expanded]');
      await expect.poll(async () => (await ui.text('reactions')).join(' '), { timeout: 10_000 }).not.toBe('');
      // The summary bar above the reactions, clear of WordPress's admin bar.
      await articlePage
        .locator('[data-freigabe-host="summary"]')
        .first()
        .evaluate((summary) => {
          summary.scrollIntoView({ block: 'start' });
          window.scrollBy(0, -56);
        });
      await save(
        '04-reactions',
        await frame(browser.context, {
          backdrop: await articlePage.screenshot(),
          caption: captions[lang].reactions,
          lang,
        }),
      );
      await ui.close();
    });

    it('the options page with the blog connected', async () => {
      const options = await browser.openExtensionPage('src/options/index.html');
      await options.setViewportSize(storeSize);
      await expect.poll(() => options.locator('body').textContent(), { timeout: 10_000 }).toContain('Freigabe Demo');
      await save(
        '05-options',
        await frame(browser.context, {
          backdrop: await options.screenshot(),
          caption: captions[lang].options,
          lang,
        }),
      );
      await options.close();
    });

    it('the 440×280 promo tile', async () => {
      const tile = await browser.context.newPage();
      await tile.setViewportSize({ width: 440, height: 280 });
      await tile.goto(`file://${resolve('store/promo/tile.html')}`);
      await tile.evaluate((language) => {
        document.documentElement.lang = language;
      }, lang);
      await tile.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
      const png = await tile.screenshot({ clip: { x: 0, y: 0, width: 440, height: 280 } });
      expect(pngSize(png)).toEqual({ width: 440, height: 280 });
      mkdirSync(join(root, 'promo'), { recursive: true });
      const path = join(root, 'promo', `tile-${lang}.png`);
      writeFileSync(path, png);
      written.push(path);
      await tile.close();
    });
  });
}
