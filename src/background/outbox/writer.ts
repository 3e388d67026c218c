/**
 * The flush's writes to IndexedDB — WordPress's answers (answers.ts) and the claims of the next
 * decisions for the wire (claim.ts) — batched into one transaction. An answer frees its place on the
 * wire and the next decision is claimed for it in the same turn of the event loop, so the two share
 * a transaction: an answer waits one task for the claim it frees; a claim (the flush waits for it
 * before it sends) starts the write at once, taking the answers queued with it. Whatever is asked for
 * while a transaction runs goes into the next. In the service worker each transaction costs the
 * browser process more than the few rows it writes (ADR 034, ADR 037): a flush wrote two per
 * decision before, one now. Answers are written before the claim: a comment's next decision, claimed
 * in the same transaction as its earlier one's answer, finds that one done.
 */
import type { OutboxRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';
import { type Sent, writeAnswers } from './answers.ts';
import { claimRows } from './claim.ts';

export interface OutboxWriter {
  /** Writes WordPress's answer to a sent decision; settles once it is stored. */
  answer(row: OutboxRow, sent: Sent): Promise<void>;
  /**
   * Marks these entries' rows as on the wire (those still waiting); answers the entries claimed.
   * One claim at a time: the flush waits for each before it makes the next.
   */
  claim<T extends { row: OutboxRow }>(entries: readonly T[]): Promise<T[]>;
}

interface Claim {
  entries: readonly { row: OutboxRow }[];
  done: (claimed: { row: OutboxRow }[]) => void;
  failed: (error: unknown) => void;
}

export function outboxWriter(ctx: BackgroundContext): OutboxWriter {
  const { db } = ctx;
  let answers: { row: OutboxRow; sent: Sent; done: () => void; failed: (error: unknown) => void }[] = [];
  let claim: Claim | null = null;
  let writing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const writeOnce = async (batch: typeof answers, taken: Claim | null) => {
    const claimRowsOf = () => (taken ? claimRows(ctx, taken.entries) : Promise.resolve([]));
    try {
      const claimed = await db.transaction('rw', db.outbox, db.comments, db.reputation, async () => {
        if (batch.length > 0) await writeAnswers(ctx, batch);
        return claimRowsOf();
      });
      for (const answer of batch) answer.done();
      taken?.done(claimed);
    } catch (error) {
      // The answers are sent again later (flush.ts). The claim is not their fault: tried alone.
      for (const answer of batch) answer.failed(error);
      if (taken && batch.length === 0) taken.failed(error);
      else if (taken) await db.transaction('rw', db.outbox, claimRowsOf).then(taken.done, taken.failed);
    }
  };

  const writeQueued = async () => {
    timer = undefined;
    writing = true;
    while (answers.length > 0 || claim !== null) {
      const batch = answers;
      const taken = claim;
      answers = [];
      claim = null;
      await writeOnce(batch, taken);
    }
    writing = false;
  };

  return {
    answer: (row, sent) =>
      new Promise<void>((done, failed) => {
        answers.push({ row, sent, done, failed });
        if (!writing && timer === undefined) timer = setTimeout(() => void writeQueued(), 0);
      }),
    claim: <T extends { row: OutboxRow }>(entries: readonly T[]) =>
      new Promise<T[]>((done, failed) => {
        if (claim !== null) throw new Error('outboxWriter: one claim at a time');
        // The rows come back as the same entries, their rows replaced by the claimed ones.
        claim = { entries, done: (claimed) => done(claimed as T[]), failed };
        if (writing) return;
        clearTimeout(timer);
        void writeQueued();
      }),
  };
}
