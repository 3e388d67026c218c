/**
 * Pause, resume and cancel of a real job in the real popup (the built extension in Chromium, the
 * real WordPress, REST singles): the buttons on the job's card, and the server's own record of every
 * status change (the `status-ledger` scenario) as the witness — nothing changes while a job is
 * paused, a resumed job changes every comment exactly once, a cancelled one leaves the rest
 * untouched and its report says how many were done; a paused job's queue is read again by the
 * popup's sync (that a running job's is only counted: integration sync-during-job.test.ts).
 * Screenshots: test-results/screenshots/jobs-control-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  connectWithApplicationPassword,
  type ExtensionBrowser,
  launchWithExtension,
  readStore,
  screenshot,
} from '../../scripts/extension-browser.ts';
import { addComments } from '../../scripts/wp/index.ts';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { changesPerComment, readLedger } from '../../scripts/wp/status-ledger.ts';
import type { CommentRow } from '../../src/shared/db/index.ts';
import { commentTotal, user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { engineBusy, newestJob, startJobFromSheet } from './support/popup-jobs.ts';
import { openPopupPage } from './support/popup-page.ts';

const wp = inject('wp');
const setupSite = { url: wp.url, dir: inject('wpDir') };
const editor = user(wp, 'editor');
const admin = adminApi(wp);
const siteId = `${wp.url}/wp-json/`;
const size = Number(process.env.FREIGABE_E2E_CONTROL_JOB_SIZE ?? 400);
let browser: ExtensionBrowser;

beforeAll(async () => {
  await setScenarios(setupSite, ['status-ledger']);
  browser = await launchWithExtension();
  await connectWithApplicationPassword(browser, wp.url, editor.login, editor.applicationPassword);
});
afterAll(async () => {
  await browser?.close();
  await setScenarios(setupSite, []);
});

async function pendingFlood(count: number) {
  const post = await admin.createPost({ title: `E2E-Steuerung ${Math.random().toString(36).slice(2, 7)}` });
  const added = await addComments(setupSite, post, count);
  const ids = Array.from({ length: count }, (_, index) => added.first + index);
  const onPost = (status: 'hold' | 'trash') => commentTotal(wp, user(wp, 'admin'), { post: String(post), status });
  return { post, ids, onPost };
}
const ledgerEnd = async () => (await readLedger(wp)).at(-1)?.id ?? 0;
/** How often WordPress changed each of these comments after ledger row `since`. */
async function changesOf(ids: readonly number[], since: number): Promise<number[]> {
  const perComment = changesPerComment((await readLedger(wp, since)).filter((entry) => ids.includes(entry.comment)));
  return ids.map((id) => perComment.get(id) ?? 0);
}
const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);

/** Waits until the job has done some of its comments (and not all), then presses the card's button. */
async function pressWhenUnderWay(popup: Page, control: 'pause' | 'cancel'): Promise<void> {
  await expect
    .poll(async () => (await newestJob(browser.worker)).progress.done, { timeout: 120_000 })
    .toBeGreaterThan(0);
  await popup.click(`.jobs .job[data-state="running"] [data-job-control="${control}"]`);
}

/** Until the engine has let go: the chunk that was on the wire when the button was pressed has answered. */
async function engineStopped(): Promise<void> {
  await expect.poll(() => engineBusy(browser.worker), { timeout: 120_000, interval: 200 }).toBe(false);
}

describe('pause, resume and cancel in the popup', () => {
  it('pauses a job (nothing changes on the server), resumes it, and changes every comment exactly once', async () => {
    const flood = await pendingFlood(size);
    const since = await ledgerEnd();
    const popup = await openPopupPage(browser);
    await startJobFromSheet(popup, siteId, flood.post, 'trash', size);
    await popup.waitForSelector('.jobs .job[data-state="running"] .job-progress');
    await screenshot(popup, 'jobs-control-progress');

    await pressWhenUnderWay(popup, 'pause');
    await popup.waitForSelector('.jobs .job[data-state="paused"] [data-job-control="resume"]');
    await engineStopped();
    const paused = await newestJob(browser.worker);
    expect(paused.state).toBe('paused');
    expect(paused.progress.done).toBeLessThan(size);
    const pausedAt = await ledgerEnd();
    const trashedWhenPaused = await flood.onPost('trash');
    expect(trashedWhenPaused).toBe(paused.progress.done);
    // The card says so, with the count where it stopped.
    expect(await popup.textContent('.jobs .job[data-state="paused"] .job-state')).toBe('Paused');
    expect(await popup.textContent('.jobs .job[data-state="paused"] .job-progress')).toBe(
      `${paused.progress.done.toLocaleString('en-US')} of ${size.toLocaleString('en-US')}`,
    );
    await screenshot(popup, 'jobs-control-paused');
    // A sync meanwhile (the popup asks on open) reads the queue again: a paused job holds nothing back.
    await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
    const cached = await readStore<CommentRow>(browser.worker, 'comments');
    expect(cached.filter((row) => row.post === flood.post && row.status === 'hold')).toHaveLength(
      size - paused.progress.done,
    );
    expect(await changesOf(flood.ids, pausedAt)).toEqual(flood.ids.map(() => 0));
    expect((await newestJob(browser.worker)).progress).toEqual(paused.progress);
    expect(await flood.onPost('trash')).toBe(trashedWhenPaused);

    await popup.click('.jobs .job[data-state="paused"] [data-job-control="resume"]');
    await popup.waitForSelector('.jobs .job[data-state="done"]', { timeout: 540_000 });
    expect(await popup.textContent('.jobs .job[data-state="done"] [data-report="done"]')).toBe(
      `${size.toLocaleString('en-US')} done`,
    );
    expect(await changesOf(flood.ids, since)).toEqual(flood.ids.map(() => 1));
    expect(await flood.onPost('trash')).toBe(size);
    expect(await flood.onPost('hold')).toBe(0);
    await popup.click('.jobs .job[data-state="done"] [data-job-control="dismiss"]');
    await popup.close();
  }, 600_000);

  it('cancels a job midway: the report says how many were done, the rest stay untouched on the server', async () => {
    const flood = await pendingFlood(size);
    const since = await ledgerEnd();
    const popup = await openPopupPage(browser);
    await startJobFromSheet(popup, siteId, flood.post, 'spam', size);
    await pressWhenUnderWay(popup, 'cancel');
    await popup.waitForSelector('.jobs .job[data-state="cancelled"] [data-report="done"]');
    await engineStopped();
    const cancelled = await newestJob(browser.worker);
    expect(cancelled.state).toBe('cancelled');
    const { done } = cancelled.progress;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(size);
    expect(await popup.textContent('.jobs .job[data-state="cancelled"] [data-report="done"]')).toBe(
      `${done.toLocaleString('en-US')} done`,
    );
    expect(await popup.textContent('.jobs .job[data-state="cancelled"] .job-state')).toBe(
      'Cancelled: what was done stays done',
    );
    await screenshot(popup, 'jobs-control-cancelled');
    // WordPress's record: exactly `done` of them changed, once each; the others never touched.
    const changes = await changesOf(flood.ids, since);
    expect(changes.every((count) => count <= 1)).toBe(true);
    expect(sum(changes)).toBe(done);
    expect(await flood.onPost('hold')).toBe(size - done);
    await popup.close();
  }, 600_000);
});
