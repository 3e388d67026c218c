/**
 * The flush's writes to IndexedDB — WordPress's answers (answers.ts) and the claims of the next
 * decisions for the wire (claim.ts) — batched into one transaction: what is asked for in the same
 * turn of the event loop, and everything asked for while a transaction runs, goes into the next.
 * An answer frees its place on the wire and the next decision is claimed for it at once, so the two
 * share a transaction. In the service worker each transaction costs the browser process more than
 * the few rows it writes (ADR 034, ADR 037); a flush wrote two per decision before, one now.
 * Answers are written before claims: a comment's next decision, claimed in the same transaction as
 * its earlier one's answer, finds that one done.
 */
import type { OutboxRow } from '../../shared/db/index.ts';
import type { BackgroundContext } from '../context.ts';
import { type Sent, writeAnswers } from './answers.ts';
import { claimRows } from './claim.ts';

interface Waiting<T> {
  done: (value: T) => void;
  failed: (error: unknown) => void;
}

export interface OutboxWriter {
  /** Writes WordPress's answer to a sent decision; settles once it is stored. */
  answer(row: OutboxRow, sent: Sent): Promise<void>;
  /** Marks these entries' rows as on the wire (those still waiting); answers the entries claimed. */
  claim<T extends { row: OutboxRow }>(entries: readonly T[]): Promise<T[]>;
}

export function outboxWriter(ctx: BackgroundContext): OutboxWriter {
  const { db } = ctx;
  let answers: ({ row: OutboxRow; sent: Sent } & Waiting<void>)[] = [];
  let claims: ({ entries: readonly { row: OutboxRow }[] } & Waiting<{ row: OutboxRow }[]>)[] = [];
  let writing = false;

  const writeQueued = async () => {
    while (answers.length > 0 || claims.length > 0) {
      const answerBatch = answers;
      const claimBatch = claims;
      answers = [];
      claims = [];
      const claimAll = async () => {
        const results: { row: OutboxRow }[][] = [];
        for (const claim of claimBatch) results.push(await claimRows(ctx, claim.entries));
        return results;
      };
      const settleClaims = (claimed: { row: OutboxRow }[][]) => {
        for (const [index, claim] of claimBatch.entries()) claim.done(claimed[index] ?? []);
      };
      try {
        const claimed = await db.transaction('rw', db.outbox, db.comments, db.reputation, async () => {
          if (answerBatch.length > 0) await writeAnswers(ctx, answerBatch);
          return claimAll();
        });
        for (const answer of answerBatch) answer.done();
        settleClaims(claimed);
      } catch (error) {
        // The answers are sent again later (flush.ts); the claims are not the answers' fault: tried alone.
        for (const answer of answerBatch) answer.failed(error);
        if (claimBatch.length > 0 && answerBatch.length > 0) {
          try {
            settleClaims(await db.transaction('rw', db.outbox, claimAll));
          } catch (claimError) {
            for (const claim of claimBatch) claim.failed(claimError);
          }
        } else for (const claim of claimBatch) claim.failed(error);
      }
    }
    writing = false;
  };
  /** Starts writing on the next task: what this turn asks for (an answer and the claim it frees) goes together. */
  const start = () => {
    if (writing) return;
    writing = true;
    setTimeout(() => void writeQueued(), 0);
  };

  return {
    answer: (row, sent) =>
      new Promise<void>((done, failed) => {
        answers.push({ row, sent, done, failed });
        start();
      }),
    claim: <T extends { row: OutboxRow }>(entries: readonly T[]) =>
      new Promise<T[]>((done, failed) => {
        // The rows come back as the same entries, their rows replaced by the claimed ones.
        claims.push({ entries, done: (claimed) => done(claimed as T[]), failed });
        start();
      }),
  };
}
