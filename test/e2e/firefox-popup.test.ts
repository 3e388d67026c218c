/**
 * The popup in Firefox ESR against the real WordPress, by keyboard, as popup.test.ts proves it in
 * Chromium: approve-and-reply, reply, trash, spam and approve, a reply draft that survives closing
 * the popup, an RT storm moderated as one cluster row, and undo inside the window (nothing reaches
 * WordPress). Every result checked on the server. Screenshots: test-results/screenshots/firefox-popup-*.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchFirefoxWithExtension } from '../../scripts/firefox-browser.ts';
import { restRequest, restRoot, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import {
  connectWithApplicationPassword,
  type FirefoxWithExtension,
  openPopupOnPost,
  readStore,
  screenshot,
  sendMessage,
  setSettings,
} from './support/firefox.ts';

const wp = inject('wp');
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const siteId = `${wp.url}/wp-json/`;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  firefox = await launchFirefoxWithExtension();
  const result = await connectWithApplicationPassword(firefox, wp.url, editor.login, editor.applicationPassword);
  expect(result).toBe('Connected to Freigabe Demo as Rainer Redaktion.');
  await setSettings(firefox.options, { undoWindowSeconds: 3, notifyNewPending: false });
});
afterAll(async () => {
  await firefox?.close();
});

const openPopup = (post: number) => openPopupOnPost(firefox, post);

const rowTexts = (popup: Page) =>
  popup.$$eval('.queue [role="row"]', (rows) =>
    rows.map((row) => (row.querySelector('.content')?.textContent ?? '').trim()),
  );
const activeText = (popup: Page) =>
  popup.$eval('.queue [role="row"].active', (row) =>
    ((row.querySelector('.content') ?? row.querySelector('.author'))?.textContent ?? '').trim(),
  );
const statuses = (ids: number[]) => Promise.all(ids.map(async (id) => (await admin.read(id)).status));

async function repliesTo(parent: number): Promise<{ content: string; status: string }[]> {
  const response = await restRequest(
    restRoot(wp),
    user(wp, 'admin'),
    `wp/v2/comments?parent=${parent}&status=all&context=edit`,
  );
  const list = (await response.json()) as { content: { raw: string }; status: string }[];
  return list.map((comment) => ({ content: comment.content.raw, status: comment.status }));
}

async function controlEnter(popup: Page): Promise<void> {
  await popup.keyboard.down('Control');
  await popup.keyboard.press('Enter');
  await popup.keyboard.up('Control');
}

describe('the popup in Firefox', () => {
  it('decides by keyboard; a reply draft survives closing the popup; each result reaches WordPress', async () => {
    const post = await admin.createPost({ title: 'Firefox-Popup: Tastatur' });
    const make = (content: string, author_name: string) => admin.createComment(post, { content, author_name });
    const approveMe = await make('Bitte freigeben', 'Ada Freigabe');
    const spamMe = await make('Billige Uhren hier', 'Spam Bot');
    const trashMe = await make('Völlig am Thema vorbei', 'Otto Offtopic');
    const replyMe = await make('Eine Frage an die Redaktion', 'Fragende Leserin');
    const approveReplyMe = await make('Erster Kommentar hier', 'Neue Leserin');

    let popup = await openPopup(post);
    await expect
      .poll(() => rowTexts(popup))
      .toEqual([
        'Erster Kommentar hier',
        'Eine Frage an die Redaktion',
        'Völlig am Thema vorbei',
        'Billige Uhren hier',
        'Bitte freigeben',
      ]);
    await screenshot(popup, 'popup-queue');

    // q: approve and reply, in place.
    await popup.keyboard.press('q');
    await popup.waitForSelector('[role="row"].active textarea:focus');
    await popup.keyboard.type('Willkommen, schön dass Sie da sind!');
    await controlEnter(popup);
    await expect.poll(() => activeText(popup)).toBe('Eine Frage an die Redaktion');

    // r: a reply, interrupted by closing the popup; the draft is there when it opens again.
    await popup.keyboard.press('r');
    await popup.waitForSelector('[role="row"].active textarea:focus');
    await popup.keyboard.type('Gute Frage: Wir antworten');
    await expect
      .poll(async () => (await readStore<{ content: string }>(popup, 'drafts')).map((draft) => draft.content))
      .toEqual(['Gute Frage: Wir antworten']);
    await popup.close();
    popup = await openPopup(post);
    const restored = `[data-comment-id="${replyMe.id}"] textarea`;
    await popup.waitForSelector(restored);
    expect(await popup.$eval(restored, (area) => (area as HTMLTextAreaElement).value)).toBe(
      'Gute Frage: Wir antworten',
    );
    await popup.focus(restored);
    await popup.keyboard.press('End');
    await popup.keyboard.type(' morgen ausführlich.');
    await screenshot(popup, 'popup-reply');
    await controlEnter(popup);
    await popup.waitForSelector(restored, { hidden: true });

    // j, d, s, a: the rest, one key each.
    await expect.poll(() => activeText(popup)).toBe('Eine Frage an die Redaktion');
    await popup.keyboard.press('j');
    expect(await activeText(popup)).toBe('Völlig am Thema vorbei');
    await popup.keyboard.press('d');
    await expect.poll(() => activeText(popup)).toBe('Billige Uhren hier');
    await popup.keyboard.press('s');
    await expect.poll(() => activeText(popup)).toBe('Bitte freigeben');
    await popup.keyboard.press('a');
    await expect.poll(() => rowTexts(popup)).toEqual(['Eine Frage an die Redaktion']);

    await expect
      .poll(() => statuses([approveReplyMe.id, replyMe.id, trashMe.id, spamMe.id, approveMe.id]), {
        timeout: 20000,
        interval: 500,
      })
      .toEqual(['approved', 'hold', 'trash', 'spam', 'approved']);
    await expect
      .poll(() => repliesTo(approveReplyMe.id), { timeout: 20000, interval: 500 })
      .toEqual([{ content: 'Willkommen, schön dass Sie da sind!', status: 'approved' }]);
    await expect
      .poll(() => repliesTo(replyMe.id), { timeout: 20000, interval: 500 })
      .toEqual([{ content: 'Gute Frage: Wir antworten morgen ausführlich.', status: 'approved' }]);
    expect(await readStore(popup, 'drafts')).toEqual([]);
    await popup.close();
  });

  it('an RT storm is one cluster row: expanded with Enter, all of it spam with one key', async () => {
    const post = await admin.createPost({ title: 'Kommunikation ohne Umwege im Mittelstand' });
    const storm: number[] = [];
    for (const name of ['NadineFeld', 'MarkusLindner', 'SvenjaOtt', 'KompetenzWerk']) {
      const comment = await admin.createComment(post, {
        author_name: name,
        content: `RT @${name}: Kommunikation ohne Umwege im Mittelstand – lesenswert #pr`,
      });
      storm.push(comment.id);
    }
    const single = await admin.createComment(post, { author_name: 'Echte Leserin', content: 'Eine eigene Meinung.' });
    const popup = await openPopup(post);
    await popup.waitForSelector('.cluster');
    expect(await popup.$eval('.cluster', (cluster) => cluster.getAttribute('data-count'))).toBe('4');
    const index = Number(await popup.$eval('.cluster', (cluster) => cluster.getAttribute('data-row-index')));
    for (let i = 0; i < index; i++) await popup.keyboard.press('j');
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await popup.$$('[role="row"][aria-level="2"]')).length).toBe(4);
    await screenshot(popup, 'popup-cluster-expanded');
    await popup.keyboard.press('ArrowLeft');
    await popup.keyboard.press('s');
    await expect.poll(async () => (await popup.$$('.cluster')).length).toBe(0);
    await expect
      .poll(() => popup.$eval('[role="status"][aria-live]', (status) => status.textContent))
      .toContain('4 marked as spam');
    await expect.poll(() => statuses(storm), { timeout: 20000, interval: 500 }).toEqual(Array(4).fill('spam'));
    expect(await statuses([single.id])).toEqual(['hold']);
    await popup.close();
  });

  it('z undoes inside the window: nothing reaches WordPress, while a later decision does', async () => {
    const post = await admin.createPost({ title: 'Firefox-Popup: Rückgängig' });
    const kept = await admin.createComment(post, { content: 'Fast gelöscht', author_name: 'Glück Gehabt' });
    const popup = await openPopup(post);
    await expect.poll(() => rowTexts(popup)).toEqual(['Fast gelöscht']);
    await popup.keyboard.press('d');
    await expect.poll(() => rowTexts(popup)).toEqual([]);
    await popup.keyboard.press('z');
    await expect.poll(() => rowTexts(popup)).toEqual(['Fast gelöscht']);
    await expect
      .poll(() => popup.$eval('[role="status"][aria-live]', (status) => status.textContent))
      .toContain('Undone');
    await screenshot(popup, 'popup-undone');
    // A decision made after the undo reaches WordPress: by then the undone one would have, too.
    const later = await admin.createComment(post, { content: 'Danach entschieden', author_name: 'Spätere Leserin' });
    await sendMessage(popup, { type: 'syncNow' });
    await sendMessage(popup, { type: 'decide', siteId, commentIds: [later.id], decision: 'approve' });
    await expect.poll(() => statuses([later.id]), { timeout: 20000, interval: 500 }).toEqual(['approved']);
    expect(await statuses([kept.id])).toEqual(['hold']);
    expect((await readStore<{ commentId: number }>(popup, 'outbox')).some((row) => row.commentId === kept.id)).toBe(
      false,
    );
    await popup.close();
  });
});
