/**
 * An extension update with work in flight, with two real builds (issue 13, ADR 035): build N (the
 * test build) runs with decisions waiting in the outbox, a reply draft and a bulk job paused
 * midway, the popup and an article with the inline view open; then build N+1 — the same source with
 * one more database version adding an index and a fourth version number (`tsx scripts/build.ts
 * next-schema`) — is copied over the same unpacked directory and the extension reloaded as an
 * update does. Expected: the database is upgraded with every row kept (nothing blocks the upgrade),
 * the open article says "Freigabe was updated — reload", the popup opens on build N+1 with the
 * decisions, the draft and the job, the outbox goes on, the job is resumed, and the server's status
 * ledger shows every decided comment changed exactly once.
 * Screenshots: update-article-after.png, update-popup-before.png, update-popup-after.png (the old
 * popup tab, if Chromium keeps it), update-popup-reopened.png.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionBrowser, readStore, screenshot } from '../../scripts/extension-browser.ts';
import { addComments } from '../../scripts/wp/index.ts';
import { setScenarios } from '../../scripts/wp/scenarios.ts';
import { changesPerComment, clearLedger, readLedger } from '../../scripts/wp/status-ledger.ts';
import type { DraftRow, JobRow, OutboxRow, SiteRow } from '../../src/shared/db/index.ts';
import { nextSchemaVersion } from '../../src/shared/db/next-schema.ts';
import { user } from '../support/rest.ts';
import { adminApi } from '../support/wp-admin.ts';
import { launchAsEditor } from './support/as-editor.ts';
import { reloadExtension } from './support/reload-extension.ts';
import { shadowUi } from './support/shadow.ts';

const wp = inject('wp');
const site = { url: wp.url, dir: inject('wpDir') };
const admin = adminApi(wp);
const editor = user(wp, 'editor');
const buildN = resolve('dist/chrome-test');
const buildNext = resolve('dist/chrome-test-next');
/** the unpacked directory Chromium loads: build N first, build N+1 copied over it */
const installed = mkdtempSync(join(tmpdir(), 'freigabe-update-'));
const jobSize = 40;
let browser: ExtensionBrowser;

const send = <T>(page: Page, message: unknown) =>
  page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; value: T; error?: unknown }>;

beforeAll(async () => {
  if (!existsSync(join(buildN, 'manifest.json'))) throw new Error('build N missing: run npm run build:test first');
  // Build N+1 is made with build N, from the same source (scripts/build.ts).
  if (!existsSync(join(buildNext, 'manifest.json'))) throw new Error('build N+1 missing: run npm run build:test first');
  cpSync(buildN, installed, { recursive: true });
  await setScenarios(site, ['status-ledger']);
  await clearLedger(wp);
  // A minute's undo window: the decisions are still waiting when the update comes.
  browser = await launchAsEditor(wp.url, editor, 60, { extensionDir: installed });
}, 240_000);

afterAll(async () => {
  await setScenarios(site, []);
  await browser?.close();
  rmSync(installed, { recursive: true, force: true });
});

const versionOf = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version;

/** What the update must keep, counted per store. */
async function counts(page: Page) {
  const [outbox, drafts, jobs, comments] = await Promise.all([
    readStore<OutboxRow>(page, 'outbox'),
    readStore<DraftRow>(page, 'drafts'),
    readStore<JobRow>(page, 'jobs'),
    readStore<{ id: number }>(page, 'comments'),
  ]);
  return { outbox: outbox.length, drafts: drafts.length, jobs: jobs.length, comments: comments.length };
}

describe('an extension update with work in flight', () => {
  it('build N+1 with a new database version: every row kept, the article says so, the outbox and the job go on, each decision once', async () => {
    expect(versionOf(buildNext)).toBe(`${versionOf(buildN)}.1`);
    const post = await admin.createPost({ title: 'Ein Update mitten in der Arbeit' });
    const decided: Record<string, number> = {};
    for (const name of ['Uta Update', 'Viktor Version', 'Wanda Warteschlange']) {
      decided[name] = (
        await admin.createComment(post, { status: 'hold', author_name: name, content: `Von ${name}.` })
      ).id;
    }
    const drafted = (await admin.createComment(post, { status: 'hold', author_name: 'Dora Draft', content: 'Frage?' }))
      .id;
    const jobPost = await admin.createPost({ title: 'Viele Kommentare für den Job' });
    const added = await addComments(site, jobPost, jobSize);
    const jobIds = Array.from({ length: jobSize }, (_, index) => added.first + index);

    // Build N: the article with the inline view, the popup, a draft, a paused job, three decisions waiting.
    const article = await browser.context.newPage();
    await article.goto(`${wp.url}/?p=${post}`);
    const ui = await shadowUi(article);
    await expect.poll(async () => (await ui.text('card')).length, { timeout: 30_000 }).toBe(4);
    const popup = await browser.openExtensionPage('src/popup/index.html');
    await popup.setViewportSize({ width: 460, height: 640 });
    await send(popup, { type: 'syncNow' });
    const [siteRow] = await readStore<SiteRow>(popup, 'sites');
    const siteId = siteRow?.id ?? '';
    const draft = 'Danke für die Frage — die Antwort kommt gleich.';
    expect(
      await send(popup, { type: 'saveDraft', siteId, commentId: drafted, kind: 'reply', content: draft }),
    ).toMatchObject({ ok: true });
    const filter = { status: 'hold', type: 'all', post: jobPost };
    const started = await send<{ jobId: number }>(popup, {
      type: 'startJob',
      siteId,
      filter,
      action: 'approve',
      expectedTotal: jobSize,
    });
    expect(started.ok).toBe(true);
    const { jobId } = started.value;
    await send(popup, { type: 'controlJob', jobId, command: 'pause' });
    const decidedIds = Object.values(decided);
    const decision = await send<{ outboxIds: number[] }>(popup, {
      type: 'decide',
      siteId,
      commentIds: decidedIds,
      decision: 'approve',
    });
    expect(decision.ok).toBe(true);
    const before = await counts(popup);
    const waiting = (await readStore<OutboxRow>(popup, 'outbox')).filter((row) => decidedIds.includes(row.commentId));
    expect(waiting.map((row) => row.state)).toEqual(['waiting', 'waiting', 'waiting']);
    await popup.reload();
    await expect.poll(() => popup.locator('.pending-decisions').textContent(), { timeout: 20_000 }).toContain('3');
    await screenshot(popup, 'update-popup-before');

    // Build N+1 over the same directory, then the reload an update does.
    rmSync(installed, { recursive: true, force: true });
    cpSync(buildNext, installed, { recursive: true });
    await reloadExtension(browser);

    // The new build runs, on the upgraded database, with every row.
    const fresh = await browser.openExtensionPage('src/popup/index.html');
    await fresh.setViewportSize({ width: 460, height: 640 });
    expect(await fresh.evaluate(() => chrome.runtime.getManifest().version)).toBe(versionOf(buildNext));
    const schema = await fresh.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('freigabe');
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const result = {
        version: db.version,
        outboxIndexes: [...db.transaction('outbox').objectStore('outbox').indexNames],
      };
      db.close();
      return result;
    });
    // Dexie stores version n as n × 10.
    expect(schema.version).toBe(nextSchemaVersion * 10);
    expect(schema.outboxIndexes).toContain('createdAt');
    expect(await counts(fresh)).toEqual(before);
    expect((await readStore<DraftRow>(fresh, 'drafts')).find((row) => row.commentId === drafted)?.content).toBe(draft);

    // The open article: the old build's view is orphaned and says so when the user comes back to it.
    await article.bringToFront();
    await article.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect
      .poll(async () => (await ui.text('summary'))[0] ?? '', { timeout: 15_000 })
      .toContain('Freigabe was updated — reload the page to moderate here again.');
    await article.evaluate(() =>
      document.querySelector('[data-freigabe-host="summary"]')?.scrollIntoView({ block: 'start' }),
    );
    await screenshot(article, 'update-article-after');
    await ui.close();

    // The popup tab of build N: Chromium closes an extension's pages when it reloads it.
    expect(popup.isClosed()).toBe(true);

    // Reopened, the popup shows build N+1's view of the same work: three decisions waiting.
    await expect.poll(() => fresh.locator('.pending-decisions').textContent(), { timeout: 20_000 }).toContain('3');
    await screenshot(fresh, 'update-popup-reopened');

    // The outbox goes on by itself, and the job when resumed: each comment changed exactly once.
    expect((await send(fresh, { type: 'controlJob', jobId, command: 'resume' })).ok).toBe(true);
    await expect
      .poll(async () => Promise.all(decidedIds.map(async (id) => (await admin.read(id)).status)), { timeout: 120_000 })
      .toEqual(['approved', 'approved', 'approved']);
    await expect
      .poll(async () => (await readStore<JobRow>(fresh, 'jobs')).find((job) => job.id === jobId)?.state, {
        timeout: 120_000,
      })
      .toBe('done');
    const changes = changesPerComment(await readLedger(wp));
    expect([...decidedIds, ...jobIds].filter((id) => changes.get(id) !== 1)).toEqual([]);
    expect(changes.get(drafted)).toBeUndefined();
    await fresh.close();
  }, 420_000);
});
