// @vitest-environment jsdom
/**
 * Dexie's "all" change notice — what it sends when a page comes back from the back/forward cache
 * and cannot say what changed meanwhile — refreshes everything the popup shows from the cache: the
 * views' counts, the open decisions, the view itself. The cache is changed behind Dexie's back
 * (a raw IndexedDB write sends no notice), then the page goes through a real pagehide/pageshow
 * with `persisted`, which Dexie answers with `{ all }`.
 */
import { render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import type { FreigabeDb, OutboxRow } from '../../../src/shared/db/index.ts';
import { popupHarnessPerTest, rowOf } from '../../support/popup-dom.ts';
import { commentRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
});

/** Writes rows straight into IndexedDB, past Dexie: no change notice is sent. */
function writeUnnoticed(db: FreigabeDb, table: string, rows: readonly object[]): Promise<void> {
  const transaction = db.backendDB().transaction(table, 'readwrite');
  for (const row of rows) transaction.objectStore(table).put(row);
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}

/** The page leaves for the back/forward cache and comes back: Dexie sends "all". */
function backFromBfcache(): void {
  window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
  window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
}

const countOf = (view: string) => document.querySelector(`[data-view="${view}"] .view-count`)?.textContent ?? null;

function failedDecision(commentId: number): OutboxRow {
  return {
    siteId,
    commentId,
    decision: 'approve',
    previousStatus: 'hold',
    snapshot: commentRow(commentId, { authorName: 'Wartende Leserin' }),
    state: 'failed',
    createdAt: Date.now(),
    notBefore: Date.now(),
    attempts: 3,
    sentAt: null,
    error: { kind: 'terminal', code: 'rest_cannot_edit', message: 'Sorry, you are not allowed to edit this comment.' },
    undoOf: null,
    content: null,
    resultId: null,
  };
}

/** Three pending comments and one approved, on screen with their counts. */
async function popupOnScreen(): Promise<FreigabeDb> {
  const { db } = harness.ctx;
  await db.sites.put(testSite());
  await db.comments.bulkPut([commentRow(1), commentRow(2), commentRow(3, { status: 'approved' })]);
  render(<App db={db} tabId={null} />);
  await rowOf(2);
  await waitFor(() => expect(countOf('approved')).toBe('1'));
  return db;
}

// Counts and open decisions are re-read at most every second / 400 ms: the waits poll past that.
const polling = { timeout: 5000 };

describe('the "all" change notice', () => {
  it("refreshes the views' counts", async () => {
    const db = await popupOnScreen();
    await writeUnnoticed(db, 'comments', [commentRow(4, { status: 'approved' }), commentRow(5, { status: 'spam' })]);
    backFromBfcache();
    await waitFor(() => expect(countOf('approved')).toBe('2'), polling);
    expect(countOf('spam')).toBe('1');
  });

  it('refreshes the open decisions', async () => {
    const db = await popupOnScreen();
    expect(document.querySelector('.pending-decisions')).toBeNull();
    await writeUnnoticed(db, 'outbox', [failedDecision(1)]);
    backFromBfcache();
    await waitFor(() => expect(document.querySelector('.pending-decisions.has-failed')).not.toBeNull(), polling);
    expect(document.querySelector('.pending-decisions')?.textContent).toContain('Wartende Leserin');
  });

  it('refreshes the view on screen', async () => {
    const db = await popupOnScreen();
    await writeUnnoticed(db, 'comments', [commentRow(6, { contentHtml: '<p>Neu seit dem Zurückblättern</p>' })]);
    backFromBfcache();
    expect(await screen.findByText('Neu seit dem Zurückblättern', {}, polling)).toBeTruthy();
    await waitFor(() => expect(countOf('hold')).toBe('3'));
  });
});
