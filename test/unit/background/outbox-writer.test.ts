/**
 * The flush's writer (outbox/writer.ts): a claim — the flush waits for it before it sends — starts
 * its transaction at once and takes the answers queued before it; an answer alone waits one task for
 * the claim it may free; one claim at a time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BackgroundContext } from '../../../src/background/context.ts';
import { outboxWriter } from '../../../src/background/outbox/writer.ts';
import type { OutboxRow } from '../../../src/shared/db/index.ts';
import { testContext } from '../../support/background-context.ts';
import { outboxRow } from '../../support/popup-harness.ts';

let ctx: BackgroundContext;
afterEach(async () => {
  await ctx?.db.delete();
});

/** Counts the transactions started; stored rows, waiting, for comments 1…n. */
async function setup(count: number): Promise<{ rows: OutboxRow[]; transactions: () => number }> {
  ctx = testContext();
  const ids = await ctx.db.outbox.bulkAdd(
    Array.from({ length: count }, (_, index) => outboxRow({ commentId: index + 1, notBefore: 0 })),
    { allKeys: true },
  );
  const rows = (await ctx.db.outbox.bulkGet(ids)) as OutboxRow[];
  let started = 0;
  const transaction = ctx.db.transaction.bind(ctx.db) as (...args: unknown[]) => Promise<unknown>;
  ctx.db.transaction = ((...args: unknown[]) => {
    started += 1;
    return transaction(...args);
  }) as typeof ctx.db.transaction;
  return { rows, transactions: () => started };
}

describe('outboxWriter', () => {
  it('a claim starts its transaction at once; an answer waits one task for the claim it frees', async () => {
    const { rows, transactions } = await setup(3);
    const [first, second, third] = rows as [OutboxRow, OutboxRow, OutboxRow];
    const writer = outboxWriter(ctx);

    const claimed = writer.claim([{ row: first }]);
    expect(transactions()).toBe(1);
    expect((await claimed).map(({ row }) => row.state)).toEqual(['sending']);

    // WordPress answered the first: its place is free, and the next is claimed in the same turn.
    const answered = writer.answer({ ...first, state: 'sending' }, { status: 'approved' });
    expect(transactions()).toBe(1);
    const next = writer.claim([{ row: second }]);
    await Promise.all([answered, next]);
    // One transaction for the two.
    expect(transactions()).toBe(2);
    expect((await ctx.db.outbox.bulkGet([first.id ?? 0, second.id ?? 0])).map((row) => row?.state)).toEqual([
      'done',
      'sending',
    ]);

    // An answer with no claim behind it is written a task later, on its own.
    const last = writer.answer({ ...second, state: 'sending' }, { status: 'approved' });
    expect(transactions()).toBe(2);
    await last;
    expect(transactions()).toBe(3);
    expect((await ctx.db.outbox.get(second.id ?? 0))?.state).toBe('done');
    expect((await ctx.db.outbox.get(third.id ?? 0))?.state).toBe('waiting');
  });

  it('takes one claim at a time', async () => {
    const { rows } = await setup(3);
    const writer = outboxWriter(ctx);
    const [first, second, third] = rows as [OutboxRow, OutboxRow, OutboxRow];
    // The first is being written; the second waits for the next transaction; a third has no place.
    const claimedFirst = writer.claim([{ row: first }]);
    const claimedSecond = writer.claim([{ row: second }]);
    await expect(writer.claim([{ row: third }])).rejects.toThrow('one claim at a time');
    expect((await claimedFirst).length).toBe(1);
    expect((await claimedSecond).length).toBe(1);
    expect((await ctx.db.outbox.get(third.id ?? 0))?.state).toBe('waiting');
  });
});
