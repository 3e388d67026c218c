/**
 * The durable outbox in Firefox, whose background is an event page (Firefox suspends it when idle,
 * and quits it with the browser): decisions made, Firefox quit inside the undo window and started
 * again on the same profile — every decision reaches WordPress exactly once (a reply, which would
 * show up twice if it were sent twice, included). Undo inside the window sends nothing. And an event
 * page suspended inside the undo window still sends when it ends (Firefox rings the outbox alarm
 * then; Chrome's 30 s floor does not apply).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchFirefoxWithExtension } from '../../scripts/firefox-browser.ts';
import { restRequest, restRoot, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import {
  connectWithApplicationPassword,
  type FirefoxWithExtension,
  readStore,
  sendMessage,
  setSettings,
} from './support/firefox.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const siteId = `${wp.url}/wp-json/`;
let firefox: FirefoxWithExtension;

/** Firefox suspends an idle event page after 30 s by default, its timers with it; after 1 s here. */
const idleEventPage = { 'extensions.background.idle.timeout': 1000 };

beforeAll(async () => {
  firefox = await launchFirefoxWithExtension(resolve('dist/firefox-test'), undefined, idleEventPage);
  const result = await connectWithApplicationPassword(firefox, wp.url, editor.login, editor.applicationPassword);
  expect(result).toBe('Connected to Freigabe Demo as Rainer Redaktion.');
});
afterAll(async () => {
  await firefox?.close();
});

async function arrange(count: number): Promise<number[]> {
  const post = await admin.createPost({ title: `Firefox-Outbox ${Math.random().toString(36).slice(2, 7)}` });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push((await admin.createComment(post, { status: 'hold' })).id);
  return ids;
}

const statuses = (ids: number[]) => Promise.all(ids.map(async (id) => (await admin.read(id)).status));

async function repliesTo(parent: number): Promise<string[]> {
  const response = await restRequest(
    restRoot(wp),
    user(wp, 'admin'),
    `wp/v2/comments?parent=${parent}&status=all&context=edit`,
  );
  return ((await response.json()) as { content: { raw: string } }[]).map((comment) => comment.content.raw);
}

describe('the outbox in Firefox', () => {
  it('an event page suspended inside the undo window still sends when the window ends: the alarm rings then', async () => {
    await setSettings(firefox.options, { undoWindowSeconds: 3, notifyNewPending: false });
    const [id = 0] = await arrange(1);
    await sendMessage(firefox.options, { type: 'syncNow' });
    await sendMessage(firefox.options, { type: 'decide', siteId, commentIds: [id], decision: 'approve' });
    const [row] = (await readStore<{ commentId: number; notBefore: number }>(firefox.options, 'outbox')).filter(
      (candidate) => candidate.commentId === id,
    );
    const alarm = await firefox.options.evaluate(() => chrome.alarms.get('freigabe:outbox'));
    // Not 30 s after it was set, as Chrome would have it: when the undo window ends.
    expect(alarm?.scheduledTime).toBe(row?.notBefore);
    await expect.poll(() => statuses([id]), { timeout: 20000, interval: 250 }).toEqual(['approved']);
  });

  it('decisions waiting when Firefox quits are sent exactly once when it starts again on the same profile', async () => {
    // Long enough that Firefox is surely quit before any decision is due.
    await setSettings(firefox.options, { undoWindowSeconds: 15, notifyNewPending: false });
    const ids = await arrange(5);
    const [asked = 0, undone = 0, ...spam] = ids;
    const page = firefox.options;
    await sendMessage(page, { type: 'syncNow' });
    const spamming = await sendMessage<{ outboxIds: number[] }>(page, {
      type: 'decide',
      siteId,
      commentIds: spam,
      decision: 'spam',
    });
    expect(spamming.ok).toBe(true);
    const replying = await sendMessage(page, {
      type: 'decide',
      siteId,
      commentIds: [asked],
      decision: 'approveAndReply',
      content: 'Danke für die Frage, wir melden uns.',
    });
    expect(replying.ok).toBe(true);
    const undoing = await sendMessage<{ outboxIds: number[] }>(page, {
      type: 'decide',
      siteId,
      commentIds: [undone],
      decision: 'trash',
    });
    expect(
      (await sendMessage<{ result: string }>(page, { type: 'undo', outboxId: undoing.value.outboxIds[0] })).value,
    ).toEqual(expect.objectContaining({ result: 'cancelled' }));
    // Nothing has gone out yet: the undo window is still open when Firefox quits.
    expect(await statuses(ids)).toEqual(Array(5).fill('hold'));
    const base = firefox.base;

    firefox = await firefox.restart();
    // The same installation (its UUID, so its IndexedDB) came back.
    expect(firefox.base).toBe(base);
    await expect
      .poll(() => statuses(ids), { timeout: 60000, interval: 500 })
      .toEqual(['approved', 'hold', 'spam', 'spam', 'spam']);
    await expect.poll(() => repliesTo(asked), { timeout: 20000, interval: 500 }).toHaveLength(1);
    // Every row is done: nothing is left to be sent again.
    await expect
      .poll(async () => (await readStore<{ state: string }>(firefox.options, 'outbox')).map((row) => row.state))
      .toEqual(expect.not.arrayContaining(['waiting', 'sending']));
    expect(await repliesTo(asked)).toEqual(['Danke für die Frage, wir melden uns.']);
    expect(await statuses([undone])).toEqual(['hold']);
  });
});
