// @vitest-environment jsdom
/**
 * What a row shows about its author follows the cache: a decision about another comment of the same
 * address shows on the row; while decisions keep changing it (a moderator clearing a flood
 * from one address key after key), the row reads again at most once a second and ends on the last
 * word; a change to someone else's reputation reads nothing.
 */
import { render, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import type { ReputationRow } from '../../../src/shared/db/index.ts';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
});

const reputationOf = (id: number) =>
  document.querySelector(`.queue [data-comment-id="${id}"] .reputation`)?.textContent ?? null;
const ip = (spam: number, address = '198.51.100.7'): ReputationRow => ({
  siteId,
  key: `ip:${address}`,
  approved: 0,
  spam,
  trashed: 0,
  updatedAt: Date.now(),
});

describe('what a row knows about its author', () => {
  it('follows the cache: at once after a quiet spell, then at most once a second, ending on the last word', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.bulkPut([commentRow(1), commentRow(2, { authorIp: '203.0.113.9' })]);
    const reads = vi.spyOn(db.reputation, 'bulkGet');
    render(<App db={db} tabId={null} />);
    await waitFor(() => expect(document.querySelector(`.queue [data-comment-id="1"]`)).not.toBeNull());
    await waitFor(() => expect(reads).toHaveBeenCalledTimes(2));
    expect(reputationOf(1)).toBeNull();

    // After a quiet second: read for the change, and shown.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await db.reputation.put(ip(1));
    await waitFor(() => expect(reputationOf(1)).toContain('1 spam'));

    // A burst: ten changes in quick succession, read far fewer times, the last one shown.
    const before = reads.mock.calls.length;
    for (let spam = 2; spam <= 11; spam++) await db.reputation.put(ip(spam));
    await waitFor(() => expect(reputationOf(1)).toContain('11 spam'), { timeout: 3000 });
    expect(reads.mock.calls.length - before).toBeLessThanOrEqual(3);
    expect(reputationOf(2)).toBeNull();

    // Someone else's address: row 1 reads nothing.
    const quiet = reads.mock.calls.length;
    await db.reputation.put(ip(5, '192.0.2.55'));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const readsBy = reads.mock.calls.slice(quiet).map(([keys]) => JSON.stringify(keys));
    expect(readsBy.some((keys) => keys.includes('198.51.100.7'))).toBe(false);
  });
});
