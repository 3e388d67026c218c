// @vitest-environment jsdom
/**
 * A decision moves every row below it one place up: the rows move (their place and index change)
 * without rendering what they show again — on a moderator's every key, that was a dozen rows'
 * contents. Only the row that becomes the focused one renders its content (it gains its buttons).
 */
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { useItemContext } from '../../../src/popup/list/use-item-context.ts';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

// Called once by every render of a row's content: counts them per comment.
vi.mock('../../../src/popup/list/use-item-context.ts', async (original) => {
  const module = await original<typeof import('../../../src/popup/list/use-item-context.ts')>();
  return { ...module, useItemContext: vi.fn(module.useItemContext) };
});

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
  vi.mocked(useItemContext).mockClear();
});

const rendersOf = (id: number) =>
  vi.mocked(useItemContext).mock.calls.filter(([, comment]) => comment.id === id).length;
const rowOf = (id: number) => document.querySelector<HTMLElement>(`.queue [data-comment-id="${id}"]`);

describe('rows moved by a decision', () => {
  it('move without rendering their content again; the newly focused one renders', async () => {
    await harness.ctx.db.sites.put(testSite());
    // Each from their own address: a decision changes the reputation of its author's (shown on their rows).
    await harness.ctx.db.comments.bulkPut([1, 2, 3, 4].map((id) => commentRow(id, { authorIp: `198.51.100.${id}` })));
    render(<App db={harness.ctx.db} tabId={null} />);
    await waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
    await waitFor(() => expect(rowOf(1)).not.toBeNull());
    // Whatever the cache says after opening (the rows read again as new objects) has been said.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = { 1: rendersOf(1), 2: rendersOf(2), 3: rendersOf(3) };
    const placeOf1 = rowOf(1)?.style.transform;
    const indexOf1 = rowOf(1)?.getAttribute('aria-rowindex');

    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'a' });
    await waitFor(() => expect(rowOf(4)).toBeNull());
    await waitFor(async () => expect((await harness.ctx.db.comments.get([siteId, 4]))?.status).toBe('approved'));
    await waitFor(() => expect(rowOf(3)?.classList.contains('active')).toBe(true));

    expect(rowOf(1)?.getAttribute('aria-rowindex')).not.toBe(indexOf1);
    expect(rowOf(1)?.style.transform).not.toBe(placeOf1);
    expect(rendersOf(1)).toBe(before[1]);
    expect(rendersOf(2)).toBe(before[2]);
    expect(rendersOf(3)).toBeGreaterThan(before[3]);
    // Still labelled by its author's name.
    const label = rowOf(1)?.getAttribute('aria-labelledby') ?? '';
    expect(document.getElementById(label)?.textContent).toBe('Leserin 1');
  });
});
