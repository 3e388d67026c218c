/**
 * The popup's asker: rows that come up together are asked about in one message per site (at most
 * 50 comments each), each address once while the popup is open; `ask` settles with the answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHistoryAsker } from '../../../src/popup/queue/history-asker.ts';

type Sent = { type: 'checkCommenterHistory'; siteId: string; commentIds: number[] };

afterEach(() => {
  vi.useRealTimers();
});

const comment = (siteId: string, id: number, authorEmail: string | null = `leser${id}@example.org`) => ({
  siteId,
  id,
  authorEmail,
});

describe('the history asker', () => {
  it('batches the rows of a moment per site, once per address, in messages of at most 50', async () => {
    vi.useFakeTimers();
    const sent: Sent[] = [];
    const asker = createHistoryAsker({ send: async (request) => void sent.push(request), delayMs: 100 });
    for (let id = 1; id <= 60; id++) asker.ask(comment('a', id));
    asker.ask(comment('a', 61, 'LESER1@example.org'));
    asker.ask(comment('b', 1));
    asker.ask(comment('b', 2, null));
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.map(({ siteId, commentIds }) => [siteId, commentIds.length])).toEqual([
      ['a', 50],
      ['a', 10],
      ['b', 1],
    ]);
    // Asked before: not again, however often the row renders.
    asker.ask(comment('a', 5));
    asker.ask(comment('a', 70, 'leser5@example.org'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(3);
  });

  it('a held key does not postpone the batch: it goes delayMs after the first ask', async () => {
    vi.useFakeTimers();
    const sent: Sent[] = [];
    const asker = createHistoryAsker({ send: async (request) => void sent.push(request), delayMs: 100 });
    for (let id = 1; id <= 5; id++) {
      asker.ask(comment('a', id));
      await vi.advanceTimersByTimeAsync(30);
    }
    expect(sent.map((request) => request.commentIds)).toEqual([[1, 2, 3, 4]]);
  });

  it('settles when the background answered, or failed, or took too long; sends nothing once disposed', async () => {
    vi.useFakeTimers();
    let answer: () => void = () => undefined;
    const asker = createHistoryAsker({
      send: (request) =>
        request.siteId === 'slow'
          ? new Promise<void>((resolve) => {
              answer = resolve;
            })
          : Promise.reject(new Error('no receiver')),
      delayMs: 10,
      patienceMs: 1000,
    });
    const settled: string[] = [];
    void asker.ask(comment('slow', 1)).then(() => settled.push('slow'));
    void asker.ask(comment('failing', 1)).then(() => settled.push('failing'));
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toEqual(['failing']);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual(['failing', 'slow']);

    const silent = createHistoryAsker({ send: () => new Promise(() => undefined), delayMs: 10, patienceMs: 1000 });
    let gaveUp = false;
    void silent.ask(comment('a', 1)).then(() => {
      gaveUp = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(gaveUp).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(gaveUp).toBe(true);

    const sent: Sent[] = [];
    const closing = createHistoryAsker({ send: async (request) => void sent.push(request), delayMs: 10 });
    closing.ask(comment('a', 1));
    closing.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual([]);
  });
});
