/**
 * Hostile comments and a hostile page, on the real WordPress. Tried: script tags, event handlers,
 * javascript:/data: links, SVG, CSS url() and srcset (remote loads), markup that tries to break out
 * of the thread, form tricks and a noscript mXSS classic — planted as pending comments (stored raw:
 * the administrator may post unfiltered HTML), shown by the inline view and the popup. Proven:
 * nothing executes, nothing is fetched. Then the page tries to drive the extension (postMessage,
 * synthetic keys and clicks, runtime messages): nothing reaches WordPress.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, screenshot } from '../../scripts/extension-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const tracker = 'http://127.0.0.1:9/freigabe-tracker';

const hostile = [
  `<script>window.__pwned = 'script'</script>Skript`,
  `<img src="${tracker}-img.png" onerror="window.__pwned = 'img'">Bild`,
  `<a href="javascript:window.__pwned = 'js-link'">harmloser Link</a>`,
  `<a href="data:text/html,<script>alert(1)</script>">Daten-Link</a>`,
  `<svg onload="window.__pwned = 'svg'"><circle r="5"></circle></svg>SVG`,
  `<p style="background:url(${tracker}-css.png)">CSS</p><style>body{background:url(${tracker}-style.png)}</style>`,
  `</li></ol></div><div id="respond" onclick="window.__pwned = 'breakout'">Ausbruch</div>`,
  `<form action="${tracker}-form"><button formaction="javascript:window.__pwned = 'form'">Formular</button></form>`,
  `<img srcset="${tracker}-srcset.png 1x" alt="">Srcset<video poster="${tracker}-poster.png"></video>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__pwned='mxss'>"></noscript>mXSS`,
  `<a href="https://example.org/echt" title="x">https://bank.example/login</a> Linktext täuscht`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>Iframe`,
];

let browser: ExtensionBrowser;
let link: string;
const ids: number[] = [];
const requested: string[] = [];

function watch(page: Page): void {
  page.on('request', (request) => {
    if (request.url().includes('freigabe-tracker')) requested.push(request.url());
  });
}

beforeAll(async () => {
  const post = await admin.createPost({ title: 'Feindliche Kommentare' });
  for (const [index, content] of hostile.entries()) {
    ids.push((await admin.createComment(post, { status: 'hold', author_name: `Angreifer ${index}`, content })).id);
  }
  link = `${wp.url}/?p=${post}`;
  browser = await launchAsEditor(wp.url, editor, 0);
});

afterAll(async () => {
  await browser?.close();
  // Twelve pending comments would crowd the first screen of other tests' popups.
  for (const id of ids) await admin.remove(id);
});

const statuses = async () => Promise.all(ids.map(async (id) => (await admin.read(id)).status));

describe('hostile comments and pages', () => {
  it('the inline view shows hostile comments as inert text: nothing runs, nothing loads, links do not fire', async () => {
    const page = await browser.context.newPage();
    watch(page);
    await page.goto(link);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(hostile.length);
    const text = (await ui.text('card')).join('\n');
    for (const word of ['Skript', 'Bild', 'harmloser Link', 'SVG', 'CSS', 'Ausbruch', 'Formular', 'Srcset']) {
      expect(text).toContain(word);
    }
    // A link whose words pretend another target shows its real one.
    expect(text).toContain('example.org');
    const jsLink = hostile.findIndex((content) => content.includes('javascript:'));
    // The javascript: link lost its target: clicking where it was does nothing.
    await ui.click('card', jsLink, '.content');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    // The thread's structure is intact: no card escaped, the theme's reply form is still the only #respond.
    expect(await page.locator('#respond').count()).toBe(1);
    expect(requested).toEqual([]);
    await screenshot(page, 'inline-hostile');
    await ui.close();
    await page.close();
  });

  it('the popup shows them as inert text too', async () => {
    const popup = await browser.openExtensionPage('src/popup/index.html');
    watch(popup);
    await expect
      .poll(async () => (await popup.locator('body').textContent())?.includes('Angreifer 0'), { timeout: 20000 })
      .toBe(true);
    await popup.waitForTimeout(500);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(requested).toEqual([]);
    await popup.close();
  });

  it('the page cannot drive the extension: forged messages, keys and clicks change nothing on WordPress', async () => {
    const page = await browser.context.newPage();
    await page.goto(link);
    const ui = await shadowUi(page);
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(hostile.length);
    const before = await statuses();
    const attempts = await page.evaluate(
      async ({ targets, extensionId }) => {
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
        const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
        if (typeof runtime?.sendMessage === 'function') {
          try {
            await (runtime.sendMessage as (id: string, message: unknown) => Promise<unknown>)(extensionId, {
              type: 'decide',
              siteId: location.origin,
              commentIds: targets,
              decision: 'approve',
            });
            tried.push('runtime:answered');
          } catch {
            tried.push('runtime:refused');
          }
        } else tried.push('runtime:absent');
        return tried;
      },
      { targets: ids, extensionId: browser.extensionId },
    );
    expect(attempts).toContain('postMessage');
    expect(attempts).not.toContain('runtime:answered');
    // The page sees no shadow root of ours (closed).
    expect(
      attempts.filter((entry) => entry.startsWith('shadowRoot:')).every((entry) => entry === 'shadowRoot:true'),
    ).toBe(true);
    await page.waitForTimeout(2500);
    expect(await statuses()).toEqual(before);
    expect(before.every((status) => status === 'hold')).toBe(true);
    await ui.close();
    await page.close();
  });
});
