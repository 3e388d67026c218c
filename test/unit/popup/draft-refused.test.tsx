// @vitest-environment jsdom
/**
 * Nothing the user typed is ever lost: when the background refuses to save a draft, the reply box
 * says so under the text (naming the cause) and keeps the text; the next key press saves again and
 * the line goes; closing the box tries once more first and stays open if that fails too. The
 * background is the real one (router and handlers) over the fake browser; what refuses is what
 * would refuse in the extension: its storage failing, the message validation (a text longer than
 * WordPress takes).
 */
import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App.tsx';
import { commentMaxLength } from '../../../src/shared/comment-text.ts';
import { popupHarnessPerTest, rowOf } from '../../support/popup-dom.ts';
import { commentRow, type PopupHarness } from '../../support/popup-harness.ts';
import { testSiteId as siteId, testSite } from '../../support/rows.ts';

const perTest = popupHarnessPerTest();
let harness: PopupHarness;
beforeEach(() => {
  harness = perTest.current();
});

const problemLine = () => document.querySelector('[data-comment-id="1"] [data-draft-problem]')?.textContent ?? null;

/** The popup with a reply box open on comment 1. */
async function replyBoxOpen(): Promise<HTMLTextAreaElement> {
  const { db } = harness.ctx;
  await db.sites.put(testSite());
  await db.comments.put(commentRow(1));
  render(<App db={db} tabId={null} />);
  await rowOf(1);
  fireEvent.keyDown(document.body, { key: 'r' });
  return waitFor(() => {
    const box = document.querySelector<HTMLTextAreaElement>('[data-comment-id="1"] textarea');
    if (!box) throw new Error('no reply box');
    return box;
  });
}

const type = (box: HTMLTextAreaElement, value: string) => fireEvent.input(box, { target: { value } });

describe('a draft the background refuses', () => {
  it('shows why under the box and keeps the text; the next key press saves it and the line goes', async () => {
    const { db } = harness.ctx;
    const box = await replyBoxOpen();
    // The background's storage fails (as IndexedDB does when the disk is full).
    const put = vi.spyOn(db.drafts, 'put').mockRejectedValue(new Error('The disk is full.'));
    type(box, 'Danke für den Hinweis');
    await waitFor(() =>
      expect(problemLine()).toBe(
        'Draft not saved: The disk is full. Your text stays here; the next key press saves it again.',
      ),
    );
    expect(box.value).toBe('Danke für den Hinweis');
    expect(document.querySelector('[data-comment-id="1"] .editor-hint')?.textContent).not.toContain('Draft saved');
    expect(await db.drafts.count()).toBe(0);

    put.mockRestore();
    type(box, 'Danke für den Hinweis!');
    await waitFor(async () =>
      expect((await db.drafts.get([siteId, 1, 'reply']))?.content).toBe('Danke für den Hinweis!'),
    );
    await waitFor(() => expect(problemLine()).toBeNull());
    expect(document.querySelector('[data-comment-id="1"] .editor-hint')?.textContent).toContain('Draft saved');
  });

  it('names a text longer than WordPress takes; shortened, it is saved', async () => {
    const { db } = harness.ctx;
    const box = await replyBoxOpen();
    const long = 'Lang. '.repeat(12_000);
    type(box, long);
    await waitFor(() =>
      expect(problemLine()).toBe(
        `Draft not saved: it has ${long.length.toLocaleString('en-US')} characters, and WordPress takes at most ${commentMaxLength.toLocaleString('en-US')} in a comment. Shorten it; the next key press saves it again.`,
      ),
    );
    expect(box.value).toBe(long);
    type(box, long.slice(0, 1000));
    await waitFor(async () => expect((await db.drafts.get([siteId, 1, 'reply']))?.content).toHaveLength(1000));
    await waitFor(() => expect(problemLine()).toBeNull());
  });

  it('closing tries once more and stays open when that fails too; closing again closes', async () => {
    const { db } = harness.ctx;
    const box = await replyBoxOpen();
    // The background's storage keeps failing.
    const put = vi.spyOn(db.drafts, 'put').mockRejectedValue(new Error('The disk is full.'));
    const refusals = () => put.mock.calls.length;
    type(box, 'Bitte nicht verlieren');
    await waitFor(() => expect(problemLine()).toContain('The disk is full.'));
    expect(refusals()).toBe(1);
    fireEvent.keyDown(box, { key: 'Escape' });
    // Closing tried to save again and was refused: the box is still there, with the text.
    await waitFor(() => expect(refusals()).toBe(2));
    await waitFor(() => expect(problemLine()).toContain('The disk is full.'));
    expect(document.querySelector<HTMLTextAreaElement>('[data-comment-id="1"] textarea')?.value).toBe(
      'Bitte nicht verlieren',
    );
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('[data-comment-id="1"] textarea')).toBeNull());
  });

  it('a failed reply dismissed stays when its text cannot go back to being a draft', async () => {
    const { db } = harness.ctx;
    await db.sites.put(testSite());
    await db.comments.put(commentRow(1));
    const id = await db.outbox.add({
      siteId,
      commentId: 1,
      decision: 'reply',
      previousStatus: 'hold',
      snapshot: commentRow(1),
      state: 'failed',
      createdAt: Date.now(),
      notBefore: Date.now(),
      attempts: 1,
      sentAt: null,
      error: { kind: 'forbidden', code: 'rest_cannot_create', message: 'Sorry, you are not allowed to reply.' },
      undoOf: null,
      content: 'Danke für den Hinweis',
      resultId: null,
    });
    vi.spyOn(db.drafts, 'put').mockRejectedValue(new Error('The disk is full.'));
    render(<App db={db} tabId={null} />);
    const row = await rowOf(1);
    fireEvent.click(await waitFor(() => within(row).getByRole('button', { name: 'Dismiss' })));
    await waitFor(() =>
      expect(document.querySelector('[aria-live]')?.textContent).toContain('Draft not saved: The disk is full.'),
    );
    expect(harness.requestsOf('undo')).toHaveLength(0);
    expect((await db.outbox.get(id))?.content).toBe('Danke für den Hinweis');
    expect(row.querySelector('.outbox-state.failed')).not.toBeNull();
  });
});
