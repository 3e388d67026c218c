/**
 * Hostile comments and forged pages in Firefox ESR, as hostile.test.ts and hardening.test.ts prove
 * them in Chromium: hostile markup planted as pending comments is shown inert by the inline view and
 * the popup (nothing executes, nothing loads); the page cannot drive the extension (forged messages,
 * synthetic keys and clicks); a page whose DOM claims another article gets nothing of it, and the
 * moderator's keys there decide nothing; a right-to-left override reorders nothing beside it;
 * extension pages load nothing remote.
 * Screenshots: test-results/screenshots/firefox-hostile-*.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import {
  type FirefoxWithExtension,
  firefoxShadowUi,
  launchFirefoxAsEditor,
  openPopupOnPost,
  screenshot,
  sendMessage,
} from './support/firefox.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const siteId = `${wp.url}/wp-json/`;
const tracker = 'http://127.0.0.1:9/freigabe-tracker';

const hostile = [
  `<script>window.__pwned = 'script'</script>Skript`,
  `<img src="${tracker}-img.png" onerror="window.__pwned = 'img'">Bild`,
  `<a href="javascript:window.__pwned = 'js-link'">harmloser Link</a>`,
  `<svg onload="window.__pwned = 'svg'"><circle r="5"></circle></svg>SVG`,
  `<p style="background:url(${tracker}-css.png)">CSS</p><style>body{background:url(${tracker}-style.png)}</style>`,
  `</li></ol></div><div id="respond" onclick="window.__pwned = 'breakout'">Ausbruch</div>`,
  `<form action="${tracker}-form"><button formaction="javascript:window.__pwned = 'form'">Formular</button></form>`,
  `<img srcset="${tracker}-srcset.png 1x" alt="">Srcset<video poster="${tracker}-poster.png"></video>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__pwned='mxss'>"></noscript>mXSS`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>Iframe`,
];

let firefox: FirefoxWithExtension;
let hostileLink = '';
const hostileIds: number[] = [];
const posts: number[] = [];
const comments: number[] = [];
const requested: string[] = [];

function watch(page: Page): void {
  page.on('request', (request) => {
    if (request.url().includes('freigabe-tracker')) requested.push(request.url());
  });
}

const statuses = (ids: number[]) => Promise.all(ids.map(async (id) => (await admin.read(id)).status));
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

beforeAll(async () => {
  const post = await admin.createPost({ title: 'Feindliche Kommentare in Firefox' });
  posts.push(post);
  for (const [index, content] of hostile.entries()) {
    hostileIds.push((await admin.createComment(post, { author_name: `Angreifer ${index}`, content })).id);
  }
  hostileLink = `${wp.url}/?p=${post}`;
  // Decisions go out at once: what a forged message could send would be on the server quickly.
  firefox = await launchFirefoxAsEditor(wp.url, editor, 0);
});

afterAll(async () => {
  await firefox?.close();
  // Pending comments of their own would crowd other tests' popups.
  for (const id of [...hostileIds, ...comments]) await admin.remove(id);
  for (const id of posts) await admin.removePost(id);
});

describe('hostile comments and forged pages in Firefox', () => {
  it('the inline view shows hostile comments as inert text: nothing runs, nothing loads, links do not fire', async () => {
    const page = await firefox.browser.newPage();
    watch(page);
    await page.goto(hostileLink);
    const ui = await firefoxShadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(hostile.length);
    const text = (await ui.text('card')).join('\n');
    for (const word of ['Skript', 'Bild', 'harmloser Link', 'SVG', 'CSS', 'Ausbruch', 'Formular', 'Srcset']) {
      expect(text).toContain(word);
    }
    // The javascript: link lost its target: clicking where it was does nothing.
    const jsLink = hostile.findIndex((content) => content.includes('javascript:'));
    await ui.click('card', jsLink, '.content');
    // No card escaped the thread: the theme's reply form is still the only #respond.
    expect(await page.$$eval('#respond', (found) => found.length)).toBe(1);
    await page.evaluate(() => document.querySelector('#comments')?.scrollIntoView());
    await screenshot(page, 'hostile-inline');
    expect(await pwned(page)).toBeNull();
    expect(requested).toEqual([]);
    await page.close();
  });

  it('the popup shows them as inert text too', async () => {
    const popup = await openPopupOnPost(firefox, posts[0] as number);
    watch(popup);
    await popup.waitForFunction(() => document.body.textContent?.includes('Angreifer 9'), { timeout: 20000 });
    await screenshot(popup, 'hostile-popup');
    // Rows out of view are not rendered: a tall popup shows all ten.
    await popup.setViewport({ width: 460, height: 2400 });
    await popup.waitForFunction(() => document.body.textContent?.includes('Angreifer 0'), { timeout: 20000 });
    const text = await popup.evaluate(() => document.body.textContent ?? '');
    for (const word of ['Bild', 'harmloser Link', 'SVG', 'CSS', 'Ausbruch', 'Formular', 'Srcset']) {
      expect(text).toContain(word);
    }
    expect(await pwned(popup)).toBeNull();
    expect(requested).toEqual([]);
    await popup.close();
  });

  it('the page cannot drive the extension: forged messages, keys and clicks change nothing on WordPress', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(hostileLink);
    const ui = await firefoxShadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(hostile.length);
    const attempts = await page.evaluate(async (targets) => {
      const tried: string[] = [];
      for (const id of targets) {
        window.postMessage({ type: 'decideInline', commentIds: [id], decision: 'approve' }, '*');
        window.postMessage({ type: 'decide', siteId: location.origin, commentIds: [id], decision: 'spam' }, '*');
      }
      tried.push('postMessage');
      for (const key of ['j', 'a', 'j', 's', 'j', 'd']) {
        document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      tried.push('keys');
      for (const host of document.querySelectorAll('[data-freigabe-host]')) {
        (host as HTMLElement).click();
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        tried.push(`shadowRoot:${(host as HTMLElement).shadowRoot === null}`);
      }
      const runtime = (globalThis as unknown as { browser?: { runtime?: unknown }; chrome?: { runtime?: unknown } })
        .chrome?.runtime;
      tried.push(runtime === undefined ? 'runtime:absent' : 'runtime:present');
      return tried;
    }, hostileIds);
    expect(attempts).toContain('postMessage');
    // Firefox gives web pages no extension messaging at all.
    expect(attempts).toContain('runtime:absent');
    // The page sees no shadow root of ours (closed).
    expect(attempts.filter((entry) => entry.startsWith('shadowRoot:'))).not.toContain('shadowRoot:false');
    // A real decision made now reaches WordPress; anything forged before it would have, too.
    const control = await admin.createComment(posts[0] as number, { author_name: 'Kontrolle', content: 'Echt.' });
    comments.push(control.id);
    await sendMessage(firefox.options, { type: 'syncNow' });
    await sendMessage(firefox.options, { type: 'decide', siteId, commentIds: [control.id], decision: 'approve' });
    await expect.poll(() => statuses([control.id]), { timeout: 20000, interval: 500 }).toEqual(['approved']);
    expect(await statuses(hostileIds)).toEqual(Array(hostile.length).fill('hold'));
    await page.close();
  });

  it('a page whose DOM names another article gets nothing of it; the moderator’s keys there touch nothing', async () => {
    const victim = await admin.createPost({ title: 'Das Ziel in Firefox' });
    posts.push(victim);
    const secret = await admin.createComment(victim, { author_name: 'Geheime Leserin', content: 'Nur auf dem Ziel' });
    comments.push(secret.id);
    // A page whose own markup claims the victim: body class and REST alternate link rewritten.
    const claiming = await admin.createPost({
      title: 'Die Täuschung in Firefox',
      content: `<script>
        document.body.className = document.body.className.replace(/\\bpostid-\\d+/, 'postid-${victim}');
        for (const link of document.querySelectorAll('link[rel="alternate"][type="application/json"]'))
          link.href = link.href.replace(/\\/\\d+$/, '/${victim}');
      </script>Harmloser Text`,
    });
    posts.push(claiming);
    const page = await firefox.browser.newPage();
    await page.goto(await admin.postLink(claiming));
    expect(await page.evaluate(() => document.body.className)).toContain(`postid-${victim}`);
    const ui = await firefoxShadowUi(page);
    // An honest article opened after it shows its cards: the forged one had the same time for its own.
    const honest = await firefox.browser.newPage();
    await honest.goto(hostileLink);
    const honestUi = await firefoxShadowUi(honest);
    await expect.poll(async () => (await honestUi.hosts('card')).length, { timeout: 20000 }).toBe(hostile.length);
    await honest.close();
    await page.bringToFront();
    expect((await ui.text('card')).join('\n')).not.toContain('Geheime Leserin');
    await page.evaluate(() => document.querySelector('#respond')?.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'hostile-claimed-article');
    // The moderator's own keys on the forged page: nothing of the victim is decided.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const key of ['j', 'a', 'j', 's', 'j', 'd'] as const) await page.keyboard.press(key);
    const control = await admin.createComment(victim, { author_name: 'Kontrolle', content: 'Echt.' });
    comments.push(control.id);
    await sendMessage(firefox.options, { type: 'syncNow' });
    await sendMessage(firefox.options, { type: 'decide', siteId, commentIds: [control.id], decision: 'approve' });
    await expect.poll(() => statuses([control.id]), { timeout: 20000, interval: 500 }).toEqual(['approved']);
    expect(await statuses([secret.id])).toEqual(['hold']);
    await page.close();
  });

  it('a right-to-left override in a name or URL reorders nothing beside it, in the popup and on the page', async () => {
    const override = 'Eve \u202Egnp.exe';
    const post = await admin.createPost({ title: 'Richtungswechsel in Firefox' });
    posts.push(post);
    const comment = await admin.createComment(post, {
      author_name: override,
      author_url: 'https://\u202Eevil.example/',
      content: 'Ein Name mit Richtungsumkehr',
    });
    comments.push(comment.id);
    const popup = await openPopupOnPost(firefox, post);
    const row = `[data-comment-id="${comment.id}"]`;
    await popup.waitForSelector(`${row} .author-details`, { timeout: 20000 });
    // The name is a button that opens the commenter's history; the name inside it is isolated.
    expect(await popup.$eval(`${row} .author > bdi`, (element) => element.tagName)).toBe('BDI');
    // The IP after the overridden URL still reads left to right: its first digit left of its last.
    const ipReadsLeftToRight = await popup.$eval(`${row} .author-details`, (root) => {
      const ip = '198.51.100.200';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(ip) ?? -1;
        if (at < 0) continue;
        const left = (offset: number) => {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return range.getBoundingClientRect().left;
        };
        return left(at) < left(at + ip.length - 1);
      }
      return null;
    });
    expect(ipReadsLeftToRight).toBe(true);
    await screenshot(popup, 'hostile-bidi-popup');
    await popup.close();

    const page = await firefox.browser.newPage();
    await page.goto(await admin.postLink(post));
    const ui = await firefoxShadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(1);
    expect(await ui.property('card', 0, '.author', 'tagName')).toBe('BDI');
    expect(await ui.property('card', 0, '.author', 'textContent')).toBe(override);
    await page.close();
  });

  it('extension pages load nothing remote, even what slips past the sanitizer', async () => {
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/freigabe-tracker`;
    try {
      const popup = await firefox.openExtensionPage('src/popup/index.html');
      const violations = await popup.evaluate(async (remote) => {
        const seen: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
        document.body.insertAdjacentHTML(
          'beforeend',
          `<img src="${remote}-img.png" alt=""><link rel="stylesheet" href="${remote}-style.css">` +
            `<p style="background: url(${remote}-inline.png)">x</p>`,
        );
        const deadline = Date.now() + 10000;
        while (Date.now() < deadline && !(seen.includes('img-src') && seen.includes('style-src-elem'))) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return seen;
      }, remote);
      expect(violations).toEqual(expect.arrayContaining(['img-src', 'style-src-elem']));
      await popup.close();
      expect(hits).toEqual([]);
    } finally {
      server.close();
    }
  });
});
