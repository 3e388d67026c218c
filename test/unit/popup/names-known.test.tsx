// @vitest-environment jsdom
/**
 * The queue holds its rows until the names they show are known (the sites and post titles, read
 * from the cache or in the background's snapshot): no row shows "Post #4" for a moment and then its
 * title. use-popup-data.ts says when they are known; here, what the queue does with it.
 */
import { render, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { type QueueState, useQueue } from '../../../src/popup/queue/use-queue.ts';
import { initialFilter } from '../../../src/popup/queue/views.ts';
import type { FreigabeDb } from '../../../src/shared/db/index.ts';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow } from '../../support/popup-harness.ts';
import { testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
const none: ReadonlySet<string> = new Set();

describe('the queue and the names its rows show', () => {
  it('shows no rows while the names are unknown, and all of them once they are', async () => {
    const { db } = perTest.current().ctx;
    await db.sites.put(testSite());
    await db.comments.bulkPut([commentRow(1), commentRow(2)]);
    const seen: (Pick<QueueState, 'state'> & { rows: number })[] = [];
    let know: (known: boolean) => void = () => undefined;
    function Probe({ db: probeDb }: { db: FreigabeDb }) {
      const [known, setKnown] = useState(false);
      know = setKnown;
      const queue = useQueue(probeDb, [testSite()], initialFilter, none, none, null, known);
      seen.push({ state: queue.state, rows: queue.rows.length });
      return null;
    }
    render(<Probe db={db} />);
    // The cache has answered (the whole view read) while the names are still unknown: nothing shown.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((entry) => entry.rows === 0 && entry.state === 'loading')).toBe(true);
    know(true);
    await waitFor(() => expect(seen.at(-1)).toEqual({ state: 'ready', rows: 2 }));
  });
});
