/**
 * Decisions in the real extension against the real WordPress: the cache and badge change at once,
 * undo inside the window sends nothing, the rest arrives after the window; decisions waiting when
 * the service worker is stopped survive it and are sent when it wakes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  readStore,
} from '../../scripts/extension-browser.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const siteId = `${wp.url}/wp-json/`;
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
  const editor = user(wp, 'editor');
  await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
});
afterAll(async () => {
  await browser?.close();
});

async function arrange(count: number): Promise<number[]> {
  const post = await admin.createPost({ title: `E2E-Outbox ${Math.random().toString(36).slice(2, 7)}` });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await admin.createComment(post, { status: 'hold' })).id);
  return ids;
}

type Page = Awaited<ReturnType<ExtensionBrowser['openExtensionPage']>>;
const send = <T>(page: Page, message: unknown) =>
  page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; value: T; error?: unknown }>;
const statuses = (ids: number[]) => Promise.all(ids.map(async (id) => (await admin.read(id)).status));

describe('decisions from the extension', () => {
  it('optimistic at once, undo inside the window, sent after it', async () => {
    const ids = await arrange(6);
    const page = await browser.openExtensionPage('src/popup/index.html');
    await send(page, { type: 'syncNow' });
    const before = Number(await browser.worker.evaluate(() => chrome.action.getBadgeText({})));

    const reply = await send<{ outboxIds: number[] }>(page, {
      type: 'decide',
      siteId,
      commentIds: ids,
      decision: 'approve',
    });
    expect(reply.ok).toBe(true);
    expect(Number(await browser.worker.evaluate(() => chrome.action.getBadgeText({})))).toBe(before - 6);

    const undone = await send<{ result: string }>(page, { type: 'undo', outboxId: reply.value.outboxIds[0] });
    expect(undone.value.result).toBe('cancelled');
    expect(await statuses(ids)).toEqual(Array(6).fill('hold'));

    await expect
      .poll(() => statuses(ids), { timeout: 20000, interval: 500 })
      .toEqual(['hold', ...Array(5).fill('approved')]);
    for (const id of ids.slice(1)) expect((await admin.read(id)).author_ip).toBe('198.51.100.200');
  });

  it('decisions waiting when the browser closes are sent when it starts again, none lost', async () => {
    const ids = await arrange(10);
    const page = await browser.openExtensionPage('src/popup/index.html');
    await send(page, { type: 'syncNow' });
    await send(page, { type: 'decide', siteId, commentIds: ids, decision: 'spam' });
    // Close the browser inside the undo window: the worker and its timers die; IndexedDB keeps all.
    browser = await browser.restart();
    expect(await statuses(ids)).toEqual(Array(10).fill('hold'));
    await expect.poll(() => statuses(ids), { timeout: 45000, interval: 500 }).toEqual(Array(10).fill('spam'));
    const outbox = (await readStore<{ state: string; decision: string }>(browser.worker, 'outbox'))
      .filter((row) => row.decision === 'spam')
      .map((row) => row.state);
    expect(outbox).toEqual(Array(10).fill('done'));
  });

  it('with the undo window set to 0 in the options, a decision goes out at once', async () => {
    const [id = 0] = await arrange(1);
    const options = await browser.openExtensionPage('src/options/index.html');
    await options.selectOption('select[name="undoWindowSeconds"]', '0');
    await options.waitForSelector('.settings-saved:text("Saved.")');
    await send(options, { type: 'syncNow' });
    const started = Date.now();
    await send(options, { type: 'decide', siteId, commentIds: [id], decision: 'approve' });
    await expect.poll(async () => (await admin.read(id)).status, { timeout: 4000, interval: 100 }).toBe('approved');
    expect(Date.now() - started).toBeLessThan(4000);
    await options.selectOption('select[name="undoWindowSeconds"]', '5');
    await options.close();
  });

  it('disconnecting asks before it discards decisions not sent yet', async () => {
    const ids = await arrange(2);
    const page = await browser.openExtensionPage('src/popup/index.html');
    await send(page, { type: 'syncNow' });
    await send(page, { type: 'decide', siteId, commentIds: ids, decision: 'trash' });
    const options = await browser.openExtensionPage('src/options/index.html');
    await options.click('button[data-action="disconnect"]');
    await options.click('button[data-action="confirm-disconnect"]');
    await options.waitForSelector('button[data-action="discard-and-disconnect"]');
    expect(await options.textContent('.site-row .error')).toContain('2 decisions have not reached Freigabe Demo yet');
    expect(await readStore(browser.worker, 'sites')).toHaveLength(1);
    await options.click('button[data-action="discard-and-disconnect"]');
    await options.waitForSelector('.site-row', { state: 'detached' });
    expect(await readStore(browser.worker, 'outbox')).toEqual([]);
    expect(await statuses(ids)).toEqual(['hold', 'hold']);
  });
});
