/**
 * Collects the rows that want their author's history confirmed by WordPress (the first-time signal)
 * and asks the background in batches: one message per site for what came up within `delayMs` of the
 * first ask (a screenful, or what scrolling brought), each address at most once while the popup is
 * open. The answers arrive through the cache; `ask` only says when to stop waiting for them.
 */
import { historyBatchSize, historyEmail } from '../../shared/commenter-history.ts';
import type { CommentRow } from '../../shared/db/index.ts';
import { sendToBackground } from '../../shared/messages.ts';

export interface HistoryAsker {
  /**
   * Settles when the background answered for this address (true: its answer is then in the cache),
   * could not, or `patienceMs` passed (false) — never rejects.
   */
  ask(comment: Pick<CommentRow, 'siteId' | 'id' | 'authorEmail'>): Promise<boolean>;
  /** the popup closes: nothing more is sent */
  dispose(): void;
}

type Send = (request: { type: 'checkCommenterHistory'; siteId: string; commentIds: number[] }) => Promise<unknown>;

export function createHistoryAsker({
  send = sendToBackground,
  delayMs = 150,
  patienceMs = 5_000,
}: {
  send?: Send;
  delayMs?: number;
  patienceMs?: number;
} = {}): HistoryAsker {
  /** by `siteId\nemail`: settles with that address's batch */
  const asked = new Map<string, Promise<boolean>>();
  let waiting = new Map<string, { ids: number[]; settle: ((answered: boolean) => void)[] }>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    timer = null;
    const batches = waiting;
    waiting = new Map();
    for (const [siteId, { ids, settle }] of batches) {
      const sent: Promise<boolean>[] = [];
      for (let start = 0; start < ids.length; start += historyBatchSize) {
        const commentIds = ids.slice(start, start + historyBatchSize);
        // Not answered (background asleep, site gone): the row shows what it knows locally.
        sent.push(
          send({ type: 'checkCommenterHistory', siteId, commentIds }).then(
            () => true,
            () => false,
          ),
        );
      }
      void Promise.all(sent).then((answers) => {
        const answered = answers.every(Boolean);
        for (const done of settle) done(answered);
      });
    }
  }

  return {
    ask(comment) {
      const email = historyEmail(comment);
      if (email === null) return Promise.resolve(false);
      const key = `${comment.siteId}\n${email}`;
      const known = asked.get(key);
      if (known) return known;
      const answered = new Promise<boolean>((resolve) => {
        const batch = waiting.get(comment.siteId) ?? { ids: [], settle: [] };
        batch.ids.push(comment.id);
        batch.settle.push(resolve);
        waiting.set(comment.siteId, batch);
        // A slow or silent site must not keep the signal away for long.
        setTimeout(() => resolve(false), patienceMs);
      });
      asked.set(key, answered);
      // From the first ask, not the last: rows that keep coming (a held `j`) do not postpone it.
      timer ??= setTimeout(flush, delayMs);
      return answered;
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      waiting.clear();
    },
  };
}
