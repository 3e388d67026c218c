/**
 * A sub-directory multisite (scenario 7) in Chromium: the super admin connects the sub-sites
 * /kultur/ and /technik/ side by side — one origin, colliding post and comment ids. Each article
 * shows its own site's pending comments and the badge counts its own site; the popup lists both;
 * the main site connected as well keeps its own; a sub-site disconnected leaves the others their
 * content script, and its article is then offered for connecting, not shown as the main site's.
 * Screenshots: test-results/screenshots/multisite-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  logInToWordPress,
  writeSettings,
} from '../../scripts/extension-browser.ts';
import type { NetworkSite, SiteInfo, WordPressSite } from '../../scripts/wp/index.ts';
import { startLayoutSite, viewportShot } from '../support/layout-site.ts';
import { commentTotal, postId, user } from '../support/rest.ts';
import { shadowUi } from './support/shadow.ts';

let site: WordPressSite;
let wp: SiteInfo;
let kultur: NetworkSite;
let technik: NetworkSite;
let browser: ExtensionBrowser;

const articleOf = (sub: NetworkSite) => sub.posts[0]?.link ?? '';

beforeAll(async () => {
  site = await startLayoutSite('multisite', { wpDir: inject('wpDir'), core: inject('wp').core });
  wp = site.info;
  const sub = (key: string) => {
    const found = wp.network?.sites.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`no sub-site ${key}`);
    return found;
  };
  kultur = sub('kultur');
  technik = sub('technik');
  const admin = user(wp, 'admin');
  browser = await launchWithExtension();
  const login = await browser.context.newPage();
  // One login for the whole network (its cookies are on /).
  await logInToWordPress(login, wp.url, admin.login, admin.password);
  await login.close();
  for (const sub of [kultur, technik]) {
    const options = await connectWithApplicationPassword(browser, sub.url, admin.login, admin.applicationPassword);
    expect(await options.textContent('.connect-result')).toContain(`Connected to ${sub.name} as Sabine Admin`);
    await options.close();
  }
  await writeSettings(browser.worker, { undoWindowSeconds: 1, syncIntervalMinutes: 2, notifyNewPending: false });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

/** The pending cards the inline view shows on an article: their authors. */
async function cardsOn(page: Page, count: number): Promise<string[]> {
  const ui = await shadowUi(page);
  try {
    await expect.poll(async () => (await ui.hosts('card')).length, { timeout: 20000 }).toBe(count);
    return await ui.text('card');
  } finally {
    await ui.close();
  }
}

async function tabIdOf(page: Page): Promise<number> {
  return browser.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? -1, page.url());
}

const badgeOf = (tabId: number) => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe('a sub-directory multisite, in Chromium', () => {
  it('two sub-sites side by side: each article shows its own pending comments, the badge counts its own site', async () => {
    expect(kultur.posts[0]?.id).toBe(technik.posts[0]?.id);
    const onKultur = await browser.context.newPage();
    await onKultur.goto(articleOf(kultur));
    const kulturCards = (await cardsOn(onKultur, 2)).join('\n');
    expect(kulturCards).toContain('Olaf Brenner');
    expect(kulturCards).toContain('Petra Lind');
    expect(kulturCards).not.toContain('Rita Falk');
    await expect.poll(async () => badgeOf(await tabIdOf(onKultur)), { timeout: 10000 }).toBe('2');
    await onKultur.locator('#comments').scrollIntoViewIfNeeded();
    await viewportShot(onKultur, 'multisite-kultur-article');

    const onTechnik = await browser.context.newPage();
    await onTechnik.goto(articleOf(technik));
    const technikCards = (await cardsOn(onTechnik, 3)).join('\n');
    for (const author of ['Rita Falk', 'Sven Holt', 'Lea Brandt']) expect(technikCards).toContain(author);
    expect(technikCards).not.toContain('Olaf Brenner');
    await expect.poll(async () => badgeOf(await tabIdOf(onTechnik)), { timeout: 10000 }).toBe('3');
    await onTechnik.locator('#comments').scrollIntoViewIfNeeded();
    await viewportShot(onTechnik, 'multisite-technik-article');
    await onKultur.close();
    await onTechnik.close();
  });

  it('the popup lists the queues of both sites, each comment with its site', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 460, height: 640 });
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    await popup.waitForSelector('.queue [role="row"]');
    // The syncs the articles started have ended.
    await expect.poll(() => popup.locator('.status-syncing').count(), { timeout: 30000 }).toBe(0);
    const rows = await popup.$$eval('.queue [role="row"]', (all) => all.map((row) => row.textContent ?? ''));
    expect(rows.some((row) => row.includes('Freigabe Kultur') && row.includes('Petra Lind'))).toBe(true);
    expect(rows.some((row) => row.includes('Freigabe Technik') && row.includes('Lea Brandt'))).toBe(true);
    expect(rows.filter((row) => row.includes('Freigabe Kultur'))).toHaveLength(2);
    expect(rows.filter((row) => row.includes('Freigabe Technik'))).toHaveLength(4);
    await viewportShot(popup, 'multisite-popup');
    await popup.close();
  });

  it('the main site connected too keeps its own article; a sub-site disconnected is offered again, the other keeps its script', async () => {
    const admin = user(wp, 'admin');
    const options = await connectWithApplicationPassword(browser, wp.url, admin.login, admin.applicationPassword);
    expect(await options.textContent('.connect-result')).toContain('Connected to Freigabe Demo as Sabine Admin');
    const mainArticle = wp.posts.find((post) => post.key === 'article')?.link ?? '';
    const onMain = await browser.context.newPage();
    await onMain.goto(mainArticle);
    const mainPending = await commentTotal(wp, admin, {
      post: String(postId(wp, 'article')),
      status: 'hold',
      type: 'all',
    });
    expect((await cardsOn(onMain, mainPending)).join('\n')).toContain('Lena Vogt');

    // Disconnect Kultur in the options.
    await options.reload();
    await options.click(`.site-row[data-site-id="${kultur.url}/wp-json/"] button[data-action="disconnect"]`);
    await options.click('button[data-action="confirm-disconnect"]');
    await options.waitForSelector(`.site-row[data-site-id="${kultur.url}/wp-json/"]`, { state: 'detached' });
    expect(
      await browser.worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.matches),
      ),
    ).toEqual([['http://127.0.0.1/*']]);

    // Technik's article still gets its inline view.
    const onTechnik = await browser.context.newPage();
    await onTechnik.goto(articleOf(technik));
    expect((await cardsOn(onTechnik, 3)).join('\n')).toContain('Rita Falk');

    // Kultur's article is not the main site's (whose home holds its path): the popup offers to connect it.
    const onKultur = await browser.context.newPage();
    await onKultur.goto(articleOf(kultur));
    const popup = await browser.openExtensionPage(`src/popup/index.html?tab=${await tabIdOf(onKultur)}`);
    await popup.setViewportSize({ width: 460, height: 640 });
    await popup.waitForSelector('.connect-banner');
    await expect.poll(() => popup.locator('.status-syncing').count(), { timeout: 30000 }).toBe(0);
    // Named by its folder: the main site on the same origin is connected.
    expect(await popup.textContent('.connect-banner')).toContain(`${kultur.url} runs WordPress`);
    await viewportShot(popup, 'multisite-popup-connect-kultur');
    expect(await cardsOn(onKultur, 0)).toEqual([]);
  });
});
