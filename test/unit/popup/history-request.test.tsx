// @vitest-environment jsdom
/**
 * A row that asked WordPress about its author keeps waiting (no first-time tag) until its own live
 * query has read the answer: the background's reply can arrive a moment before the cache's change
 * notice, and on a busy machine a regular's row showed the "first" tag in between (seen in the
 * popup's first-time test under load). When no answer came, the row settles at once.
 */
import { act, render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { answerGraceMs, useHistoryRequest } from '../../../src/popup/list/use-history-request.ts';
import type { ItemContext } from '../../../src/popup/list/use-item-context.ts';
import type { HistoryAsker } from '../../../src/popup/queue/history-asker.ts';
import { QueueContext, type QueueContextValue } from '../../../src/popup/queue-context.ts';
import { commentRow } from '../../support/popup-harness.ts';

const comment = commentRow(1, { authorEmail: 'stamm@example.org' });
const notYetAnswered: ItemContext = { parentAuthor: null, reputation: [], history: null };
const answered: ItemContext = {
  ...notYetAnswered,
  history: {
    siteId: comment.siteId,
    email: 'stamm@example.org',
    approved: 3,
    checkedAt: Date.now(),
    nextCheckAt: Date.now() + 60_000,
  },
};

function Probe({ context }: { context: ItemContext }) {
  return <p>{useHistoryRequest(comment, true, context) ? 'waiting' : 'settled'}</p>;
}

function renderWith(reply: boolean) {
  const askHistory: HistoryAsker = { ask: vi.fn(async () => reply), dispose: () => undefined };
  const value = { askHistory } as unknown as QueueContextValue;
  const view = render(
    <QueueContext.Provider value={value}>
      <Probe context={notYetAnswered} />
    </QueueContext.Provider>,
  );
  const rerender = (context: ItemContext) =>
    view.rerender(
      <QueueContext.Provider value={value}>
        <Probe context={context} />
      </QueueContext.Provider>,
    );
  return { view, rerender, askHistory };
}

describe('a row waiting for WordPress’s answer about its author', () => {
  it('keeps waiting between the background’s reply and the cache’s change notice', async () => {
    vi.useFakeTimers();
    try {
      const { view, rerender, askHistory } = renderWith(true);
      expect(view.container.textContent).toBe('waiting');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(answerGraceMs / 2);
      });
      expect(askHistory.ask).toHaveBeenCalledTimes(1);
      // Replied, but the row's live query has not read the answer yet: no tag may show.
      expect(view.container.textContent).toBe('waiting');
      rerender(answered);
      expect(view.container.textContent).toBe('settled');
    } finally {
      vi.useRealTimers();
    }
  });

  it('settles after a grace when the answer never reaches the cache, and at once when nobody answered', async () => {
    vi.useFakeTimers();
    try {
      const late = renderWith(true);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(answerGraceMs + 10);
      });
      expect(late.view.container.textContent).toBe('settled');
      late.view.unmount();
      const silent = renderWith(false);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(silent.view.container.textContent).toBe('settled');
    } finally {
      vi.useRealTimers();
    }
  });
});
