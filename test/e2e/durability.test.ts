/**
 * The outbox's promise in the real extension against the real WordPress: every decision arrives
 * once — not twice, not never — when the service worker is stopped in the middle of a flush, and
 * when the network goes away and comes back. The site sits behind the fault proxy, which makes
 * writes slow (so a stop lands while they are in flight) or drops every connection.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  readStore,
  writeSettings,
} from '../../scripts/extension-browser.ts';
import { stopServiceWorker } from '../../scripts/extension-worker.ts';
import type { OutboxRow, SiteRow } from '../../src/shared/db/index.ts';
import { useFaultProxy } from '../support/fault-proxy.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const proxyHandle = useFaultProxy(wp.url);
/** the request that posts a reply (status changes go to …/comments/<id>) */
const replyPost = 'POST /wp-json/wp/v2/comments';
let browser: ExtensionBrowser;
let siteId: string;

type Page = Awaited<ReturnType<ExtensionBrowser['openExtensionPage']>>;
const send = <T>(page: Page, message: unknown) =>
  page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; value: T; error?: unknown }>;

beforeAll(async () => {
  browser = await launchWithExtension();
  const editor = user(wp, 'editor');
  const options = await connectWithApplicationPassword(
    browser,
    proxyHandle.current.url,
    editor.login,
    editor.applicationPassword,
  );
  const [site] = await readStore<SiteRow>(browser.worker, 'sites');
  if (!site?.origin.startsWith(proxyHandle.current.url)) throw new Error('not connected through the fault proxy');
  siteId = site.id;
  // A short undo window keeps the tests fast (the setting's own e2e test is in outbox.test.ts).
  await writeSettings(options, { undoWindowSeconds: 1, syncIntervalMinutes: 2, notifyNewPending: false });
  await options.close();
});
afterAll(async () => {
  await browser?.close();
});

async function arrange(count: number): Promise<number[]> {
  const post = await admin.createPost({ title: `E2E-Durability ${Math.random().toString(36).slice(2, 7)}` });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await admin.createComment(post, { status: 'hold' })).id);
  return ids;
}

const statuses = (ids: number[]) => Promise.all(ids.map(async (id) => (await admin.read(id)).status));
/** The replies WordPress has under a comment, with these words. */
async function repliesOn(parent: number, content: string): Promise<number> {
  const all = await admin.children(parent);
  return all.filter((reply) => reply.content.raw === content).length;
}
const outboxOf = async (where: ExtensionBrowser['worker'] | Page, ids: number[]) =>
  (await readStore<OutboxRow>(where, 'outbox')).filter((row) => row.siteId === siteId && ids.includes(row.commentId));
const writesReceived = () => proxyHandle.current.received.filter((request) => !request.startsWith('GET ')).length;

/** Waits until `seen` holds, then holds every write at the proxy (checked every 10 ms, well inside a slow write). */
async function holdWritesOnce(seen: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!seen()) {
    if (Date.now() > deadline) throw new Error('the flush never got there');
    await new Promise((wait) => setTimeout(wait, 10));
  }
  proxyHandle.current.holdWrites = true;
}

interface Plan {
  ids: number[];
  /** what WordPress must show for each id at the end */
  expected: string[];
  replies: { parent: number; content: string }[];
  rows: number;
}

/** Makes the decisions through the extension's `decide` message, one message per decision kind. */
async function decideAll(page: Page, plan: [decision: string, ids: number[], content?: string][]): Promise<void> {
  for (const [decision, commentIds, content] of plan) {
    const reply = await send(page, { type: 'decide', siteId, commentIds, decision, content });
    if (!reply.ok) throw new Error(`decide ${decision}: ${JSON.stringify(reply.error)}`);
  }
}

/** 20 decisions (22 outbox rows: approve-and-reply is two) with four replies among them. */
async function twentyDecisions(page: Page): Promise<Plan> {
  const ids = await arrange(20);
  await send(page, { type: 'syncNow' });
  const tag = Math.random().toString(36).slice(2, 7);
  const replies = [6, 7, 8, 9].map((index) => ({ parent: ids[index] ?? 0, content: `Antwort ${tag} ${index}` }));
  await decideAll(page, [
    ['approve', ids.slice(0, 6)],
    ['reply', [replies[0]?.parent ?? 0], replies[0]?.content],
    ['reply', [replies[1]?.parent ?? 0], replies[1]?.content],
    ['approveAndReply', [replies[2]?.parent ?? 0], replies[2]?.content],
    ['approveAndReply', [replies[3]?.parent ?? 0], replies[3]?.content],
    ['spam', ids.slice(10, 14)],
    ['trash', ids.slice(14, 18)],
    ['approve', ids.slice(18, 20)],
  ]);
  const expected = [
    ...Array(6).fill('approved'),
    'hold', // a reply alone leaves its parent pending
    'hold',
    'approved',
    'approved',
    ...Array(4).fill('spam'),
    ...Array(4).fill('trash'),
    'approved',
    'approved',
  ];
  return { ids, expected, replies, rows: 22 };
}

/**
 * Everything decided is on the server exactly once, and the outbox has nothing left to do. (What the
 * stopped worker had on the wire is sent again 20 s after it went out, when that request has ended.)
 */
async function expectArrivedOnce(plan: Plan): Promise<void> {
  await expect
    .poll(async () => (await outboxOf(browser.worker, plan.ids)).map((row) => row.state), { timeout: 50000 })
    .toEqual(Array(plan.rows).fill('done'));
  expect(await statuses(plan.ids)).toEqual(plan.expected);
  for (const { parent, content } of plan.replies) expect(await repliesOn(parent, content)).toBe(1);
}

describe('the service worker stopped in the middle of a flush', () => {
  it('20 decisions, stopped while a reply is in flight: all arrive, none twice', async () => {
    const proxy = proxyHandle.current;
    const page = await browser.openExtensionPage('src/popup/index.html');
    const plan = await twentyDecisions(page);
    const writesBefore = writesReceived();
    const repliesBefore = proxy.acceptedWrites.get('/wp-json/wp/v2/comments') ?? 0;
    // WordPress takes 1.5 s for each write: the flush is under way for several seconds. When the
    // first reply is on the wire, writes are held there until the worker is stopped.
    proxy.slowWritesMs = 1500;
    const replyRequests = () => proxy.received.filter((request) => request === replyPost).length;
    const replyRequestsBefore = replyRequests();
    await holdWritesOnce(() => replyRequests() > replyRequestsBefore, 20000);
    await stopServiceWorker(browser);
    proxy.holdWrites = false;

    // The stop landed mid-flush: some decisions done, some on the wire, the rest not sent yet.
    const atStop = await outboxOf(page, plan.ids);
    const count = (state: string) => atStop.filter((row) => row.state === state).length;
    expect(count('done')).toBeGreaterThan(0);
    expect(count('sending')).toBeGreaterThan(0);
    expect(count('waiting')).toBeGreaterThan(0);
    const lostReply = atStop.find((row) => row.decision === 'reply' && row.state === 'sending');
    expect(lostReply).toBeDefined();
    // The slow server still gets the writes that were on the wire, but nobody hears its answers.
    const inFlight = plan.replies.find((reply) => reply.parent === lostReply?.commentId);
    await expect.poll(() => repliesOn(inFlight?.parent ?? 0, inFlight?.content ?? ''), { timeout: 10000 }).toBe(1);
    const writesWhileStopped = writesReceived();
    await new Promise((wait) => setTimeout(wait, 500));
    expect(writesReceived()).toBe(writesWhileStopped);
    expect(writesWhileStopped - writesBefore).toBeLessThan(plan.rows);
    proxy.slowWritesMs = 200;

    // Start again: the user opens the popup, the worker wakes and replays what it left behind.
    const popup = await browser.openExtensionPage('src/popup/index.html');
    await send(popup, { type: 'syncNow' });
    await expectArrivedOnce(plan);
    // The replayed reply was refused as a duplicate and counted as posted; each reply was accepted once.
    const replayed = (await outboxOf(browser.worker, plan.ids)).find((row) => row.id === lostReply?.id);
    expect(replayed?.error?.code).toBe('comment_duplicate');
    expect((proxy.acceptedWrites.get('/wp-json/wp/v2/comments') ?? 0) - repliesBefore).toBe(plan.replies.length);
    await popup.close();
    await page.close();
  });

  it('stopped when only decisions on the wire are left: they are replayed on the next wake', async () => {
    const proxy = proxyHandle.current;
    const ids = await arrange(4);
    const page = await browser.openExtensionPage('src/popup/index.html');
    await send(page, { type: 'syncNow' });
    const content = `Antwort ${Math.random().toString(36).slice(2, 7)}`;
    proxy.slowWritesMs = 1500;
    const writesBefore = writesReceived();
    // One message, four comments, four replies due at the same moment: all go on the wire together.
    await decideAll(page, [['reply', ids, content]]);
    await holdWritesOnce(() => writesReceived() === writesBefore + 4, 10000);
    await stopServiceWorker(browser);
    proxy.holdWrites = false;
    expect((await outboxOf(page, ids)).map((row) => row.state)).toEqual(Array(4).fill('sending'));
    // The answers are lost, but WordPress got the writes.
    await expect
      .poll(() => Promise.all(ids.map((parent) => repliesOn(parent, content))), { timeout: 10000 })
      .toEqual([1, 1, 1, 1]);
    proxy.slowWritesMs = 0;
    const stoppedWrites = writesReceived();

    const popup = await browser.openExtensionPage('src/popup/index.html');
    await send(popup, { type: 'syncNow' });
    // The new worker does not send them again while the first requests could still be under way
    // (sent at once, a copy ran beside the first on WordPress and the change's hooks ran twice):
    // they wait until 20 s after they went out, counted as an attempt.
    await expect
      .poll(async () => (await outboxOf(popup, ids)).map((row) => row.state), { timeout: 10000 })
      .toEqual(Array(4).fill('waiting'));
    for (const row of await outboxOf(popup, ids)) {
      expect(row.attempts).toBe(1);
      expect(row.notBefore).toBeGreaterThanOrEqual((row.claimedAt ?? Number.NaN) + 20_000);
      expect(row.notBefore - Date.now()).toBeGreaterThan(2_000);
    }
    expect(writesReceived()).toBe(stoppedWrites);
    await expectArrivedOnce({
      ids,
      expected: ['hold', 'hold', 'hold', 'hold'],
      replies: ids.map((parent) => ({ parent, content })),
      rows: 4,
    });
    await popup.close();
    await page.close();
  });
});

const badgeColor = () => browser.worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}));
const grey = [154, 160, 166, 255]; // badgeColors.offline
const normal = [95, 99, 104, 255]; // badgeColors.total

describe.each([
  { blocker: 'the browser goes offline', reachesSite: false, block: (on: boolean) => browser.context.setOffline(on) },
  {
    blocker: 'the site drops every connection',
    reachesSite: true,
    block: async (on: boolean) => {
      proxyHandle.current.fault = on ? 'drop' : 'none';
    },
  },
])('$blocker, decisions are made, it comes back', ({ reachesSite, block }) => {
  it('the badge turns grey, nothing is lost, everything arrives once without the user doing anything', async () => {
    const ids = await arrange(5);
    const page = await browser.openExtensionPage('src/popup/index.html');
    await send(page, { type: 'syncNow' });
    const content = `Antwort ${Math.random().toString(36).slice(2, 7)}`;
    await block(true);
    const requestsBefore = proxyHandle.current.received.length;
    await decideAll(page, [
      ['approve', ids.slice(0, 2)],
      ['spam', [ids[2] ?? 0]],
      ['trash', [ids[3] ?? 0]],
      ['reply', [ids[4] ?? 0], content],
    ]);
    // Every decision was tried and failed on the network; each waits for its next attempt.
    await expect
      .poll(async () => (await outboxOf(browser.worker, ids)).map((row) => `${row.state} ${row.error?.code}`), {
        timeout: 15000,
      })
      .toEqual(Array(5).fill('waiting network'));
    // The popup opens (it syncs): the site is offline, the badge grey; the decisions still count.
    const popup = await browser.openExtensionPage('src/popup/index.html');
    await send(popup, { type: 'syncNow' });
    const [site] = await readStore<SiteRow>(browser.worker, 'sites');
    expect(site?.status).toBe('offline');
    expect(await badgeColor()).toEqual(grey);
    expect(await statuses(ids)).toEqual(Array(5).fill('hold'));
    expect(await repliesOn(ids[4] ?? 0, content)).toBe(0);
    // Offline means offline for the service worker too: not one request left the browser.
    if (!reachesSite) expect(proxyHandle.current.received.length).toBe(requestsBefore);
    expect((await outboxOf(browser.worker, ids)).map((row) => row.decision)).toEqual([
      'approve',
      'approve',
      'spam',
      'trash',
      'reply',
    ]);

    // Back online: the outbox's own retry timer sends them; nobody clicks anything.
    await block(false);
    await expectArrivedOnce({
      ids,
      expected: ['approved', 'approved', 'spam', 'trash', 'hold'],
      replies: [{ parent: ids[4] ?? 0, content }],
      rows: 5,
    });
    await expect
      .poll(async () => (await readStore<SiteRow>(browser.worker, 'sites'))[0]?.status, { timeout: 10000 })
      .toBe('connected');
    await expect.poll(badgeColor, { timeout: 10000 }).toEqual(normal);
    await popup.close();
    await page.close();
  });
});
