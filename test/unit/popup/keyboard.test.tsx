// @vitest-environment jsdom
/**
 * Keyboard first: j/k move the focus, a/u/s/d decide about the focused comment (through the real
 * background handlers into the cache), x and Shift+x select, Shift+a/s/d/u act on the selection,
 * d in the trash asks before deleting, z undoes, / searches, ? shows the help; every action is
 * announced to screen readers.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { withStatus } from '../../../src/shared/db/comment-ranges.ts';
import { popupHarnessPerTest } from '../../support/popup-dom.ts';
import { commentRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
});

const rows = () => [...document.querySelectorAll<HTMLElement>('.queue [role="row"]')];
const authors = () => rows().map((row) => row.querySelector('.author')?.textContent);
const press = (key: string, shiftKey = false) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, shiftKey });
const announced = () => document.querySelector('[role="status"][aria-live]')?.textContent?.trim();
const statusOf = async (id: number) => (await harness.ctx.db.comments.get([siteId, id]))?.status;

async function open(count: number, overrides: (id: number) => Partial<Parameters<typeof commentRow>[1]> = () => ({})) {
  await harness.ctx.db.sites.put(testSite());
  await harness.ctx.db.comments.bulkPut(Array.from({ length: count }, (_, i) => commentRow(i + 1, overrides(i + 1))));
  render(<App db={harness.ctx.db} tabId={null} />);
  // The whole view is read (not only the first page).
  await waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'), {
    timeout: 5000,
  });
}

describe('keyboard', () => {
  it('j and k move the focus (visible, and on the row itself); a approves the focused comment and the next takes its place', async () => {
    await open(3);
    expect(authors()).toEqual(['Leserin 3', 'Leserin 2', 'Leserin 1']);
    press('j');
    await waitFor(() => expect(document.activeElement).toBe(rows()[1]));
    expect(rows()[1]?.classList.contains('active')).toBe(true);
    press('k');
    await waitFor(() => expect(document.activeElement).toBe(rows()[0]));
    press('j');
    await waitFor(() => expect(document.activeElement).toBe(rows()[1]));
    press('a');
    await waitFor(() => expect(authors()).toEqual(['Leserin 3', 'Leserin 1']));
    await waitFor(async () => expect(await statusOf(2)).toBe('approved'));
    expect(harness.requestsOf('decide')).toEqual([{ type: 'decide', siteId, commentIds: [2], decision: 'approve' }]);
    await waitFor(() => expect(document.activeElement).toBe(rows()[1]));
    await waitFor(() => expect(announced()).toBe('1 approved. Press z to undo'));
    // The view on screen counts from memory: its tab follows the decision at once.
    expect(document.querySelector('[role="tab"][data-view="hold"]')?.textContent).toBe('Pending2');
    expect(document.querySelector('.toast')?.textContent).toContain('1 approved');
  });

  it('the toast’s Undo takes the last decision back, as z does (the comment returns, nothing is sent)', async () => {
    await open(3);
    press('a');
    await waitFor(() => expect(authors()).toEqual(['Leserin 2', 'Leserin 1']));
    await waitFor(async () => expect(await statusOf(3)).toBe('approved'));
    // A second decision renders the app (and the toast) again: Undo still reaches the newest one.
    press('s');
    await waitFor(() => expect(authors()).toEqual(['Leserin 1']));
    const undo = await waitFor(() => {
      const button = document.querySelector<HTMLButtonElement>('.toast button[data-action="undo"]');
      if (!button || !document.querySelector('.toast')?.textContent?.includes('spam')) throw new Error('no toast');
      return button;
    });
    fireEvent.click(undo);
    await waitFor(() => expect(authors()).toEqual(['Leserin 2', 'Leserin 1']));
    await waitFor(async () => expect(await statusOf(2)).toBe('hold'));
    expect(await statusOf(3)).toBe('approved');
    await waitFor(() => expect(announced()).toBe('Undone'));
  });

  it('pressing a twice quickly decides about two different comments, never twice about one', async () => {
    await open(3);
    press('a');
    press('a');
    await waitFor(() => expect(harness.requestsOf('decide')).toHaveLength(2));
    expect(harness.requestsOf('decide').map((request) => request.commentIds)).toEqual([[3], [2]]);
    await waitFor(() => expect(authors()).toEqual(['Leserin 1']));
  });

  it('a decided comment that comes back pending (its decision rolled back) shows again', async () => {
    await open(3);
    press('a');
    await waitFor(() => expect(authors()).toEqual(['Leserin 2', 'Leserin 1']));
    await waitFor(async () => expect(await statusOf(3)).toBe('approved'));
    // As the outbox does when WordPress refused the decision: the comment is pending again.
    await harness.ctx.db.comments.update([siteId, 3], { status: 'hold' });
    await waitFor(() => expect(authors()).toEqual(['Leserin 3', 'Leserin 2', 'Leserin 1']));
  });

  it('s spams, u is nothing to do on a pending comment, d trashes; z undoes the last one', async () => {
    await open(3);
    press('s');
    await waitFor(() => expect(authors()).toEqual(['Leserin 2', 'Leserin 1']));
    await waitFor(async () => expect(await statusOf(3)).toBe('spam'));
    press('u');
    await waitFor(() => expect(announced()).toBe('Nothing to do for this comment'));
    press('d');
    await waitFor(() => expect(authors()).toEqual(['Leserin 1']));
    await waitFor(async () => expect(await statusOf(2)).toBe('trash'));
    press('z');
    await waitFor(() => expect(authors()).toEqual(['Leserin 2', 'Leserin 1']));
    expect(await statusOf(2)).toBe('hold');
    expect(await statusOf(3)).toBe('spam');
    expect(harness.requestsOf('undo')).toHaveLength(1);
    await waitFor(() => expect(announced()).toBe('Undone'));
  });

  it('in the trash, d deletes permanently only after asking; u restores', async () => {
    await open(2, () => ({ status: 'trash' }));
    fireEvent.click(document.querySelector('[role="tab"][data-view="trash"]') as HTMLElement);
    await waitFor(() => expect(authors()).toEqual(['Leserin 2', 'Leserin 1']));
    press('d');
    const dialog = await screen.findByRole('dialog', { name: 'Delete permanently?' });
    expect(dialog.textContent).toContain('Delete this comment permanently?');
    // The dialog is a chunk of its own: focus moves in once it has rendered.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-action')).toBe('cancel-delete'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(harness.requestsOf('decide')).toHaveLength(0);
    press('d');
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() => expect(authors()).toEqual(['Leserin 1']));
    expect(harness.requestsOf('decide')).toEqual([{ type: 'decide', siteId, commentIds: [2], decision: 'delete' }]);
    await waitFor(async () => expect(await harness.ctx.db.comments.get([siteId, 2])).toBeUndefined());
    press('u');
    await waitFor(async () => expect(await statusOf(1)).toBe('hold'));
    await waitFor(() => expect(authors()).toEqual([]));
  });

  it('x selects; Shift+s spams the selection', async () => {
    await open(4);
    press('x');
    press('j');
    press('j');
    press('x');
    await waitFor(() => expect(document.querySelector('.selection-count')?.textContent).toBe('2 selected'));
    expect(rows().map((row) => row.getAttribute('aria-selected'))).toEqual(['true', 'false', 'true', 'false']);
    press('S', true);
    await waitFor(() => expect(authors()).toEqual(['Leserin 3', 'Leserin 1']));
    expect(harness.requestsOf('decide')).toEqual([{ type: 'decide', siteId, commentIds: [4, 2], decision: 'spam' }]);
    expect(document.querySelector('.selection-count')).toBeNull();
  });

  it('Shift+x selects all 4,000 matching the filter without rendering them; Shift+a approves them in one decision', async () => {
    await open(4000);
    expect(rows().length).toBeLessThan(40);
    press('X', true);
    await waitFor(() => expect(document.querySelector('.selection-count')?.textContent).toBe('4,000 selected'));
    expect(announced()).toBe('4,000 selected');
    expect(rows().length).toBeLessThan(40);
    press('A', true);
    await waitFor(() => expect(harness.requestsOf('decide')).toHaveLength(1));
    const [request] = harness.requestsOf('decide');
    expect(request?.decision).toBe('approve');
    expect(new Set(request?.commentIds).size).toBe(4000);
    await waitFor(() => expect(screen.getByText(/Inbox zero/)).toBeTruthy(), { timeout: 10_000 });
    await waitFor(async () => expect(await withStatus(harness.ctx.db, 'approved').count()).toBe(4000), {
      timeout: 20_000,
    });
  }, 30_000);

  it('Shift+x selects only what matches the search', async () => {
    await open(5, (id) => ({ contentHtml: id % 2 === 0 ? `<p>gerade ${id}</p>` : `<p>ungerade ${id * 7}</p>` }));
    press('/');
    const search = screen.getByRole('searchbox');
    expect(document.activeElement).toBe(search);
    fireEvent.input(search, { target: { value: 'ungerade' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    press('X', true);
    press('D', true);
    await waitFor(() => expect(harness.requestsOf('decide')).toHaveLength(1));
    expect(harness.requestsOf('decide')[0]?.commentIds.sort()).toEqual([1, 3, 5]);
  });

  it('? shows the keyboard help, Esc closes it; letters typed into the search are not shortcuts', async () => {
    await open(2);
    press('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('Select all matching the filters');
    await waitFor(() => expect(help.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const search = screen.getByRole('searchbox');
    search.focus();
    fireEvent.keyDown(search, { key: 'a' });
    expect(harness.requestsOf('decide')).toHaveLength(0);
  });
});
