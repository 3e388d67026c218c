/**
 * The storm soak's oracle (scripts/soak/oracle.ts, pure) on small ledgers shaped like the runs that
 * taught it: seed 724098's undo that put back a colleague's status (ADR 029), and the classes it
 * must keep apart from it (a decision really lost, a decision that held).
 */
import { describe, expect, it } from 'vitest';
import type { LedgerLine } from '../../../scripts/soak/ledger.ts';
import { judge } from '../../../scripts/soak/oracle.ts';
import type { ServerComment } from '../../../scripts/soak/server-state.ts';
import type { LedgerEntry } from '../../../scripts/wp/status-ledger.ts';
import type { CommentRow, OutboxRow } from '../../../src/shared/db/index.ts';
import { outboxRow, t0 } from './soak-rows.ts';

const users = { editor: 2, admin: 1 };

function comment(id: number, status: string): ServerComment {
  return {
    id,
    post: 1,
    parent: 0,
    author: 0,
    status,
    author_email: 'leser1@example.org',
    author_ip: '198.51.100.7',
    author_user_agent: 'Mozilla/5.0 Firefox/128.0',
    content: { raw: 'Ein Kommentar' },
  };
}

const row = (id: number, decision: OutboxRow['decision'], undoOf: number | null = null) =>
  outboxRow(id, decision, { undoOf });

const entry = (id: number, from: string, to: string, user: number, atMs: number): LedgerEntry => ({
  id,
  comment: 20,
  from,
  to,
  user,
  at: atMs / 1000,
});

/** Seed 724098, comment 20: trash (hold) → the colleague approves before it is sent → undo after the window. */
const trashThenUndo: LedgerLine[] = [
  {
    kind: 'decide',
    site: 'plain',
    at: t0,
    commentId: 20,
    decision: 'trash',
    statusBefore: 'hold',
    content: null,
    outboxIds: [35],
    refused: null,
  },
  {
    kind: 'moderator',
    site: 'plain',
    at: t0 + 1913,
    answeredAt: t0 + 1982,
    commentId: 20,
    status: 'approved',
    result: 'approved',
  },
  {
    kind: 'undo',
    site: 'plain',
    at: t0 + 23_187,
    commentId: 20,
    outboxId: 35,
    of: 0,
    within: 'after',
    result: 'reversed',
    refused: null,
  },
];
const outbox = [row(35, 'trash'), row(92, 'untrash', 35)];

function judgePlain(
  lines: LedgerLine[],
  server: ServerComment[],
  statusLedger: LedgerEntry[],
  rows = outbox,
  cache: Pick<CommentRow, 'id' | 'status'>[] = [],
) {
  const byId = new Map(server.map((one) => [one.id, one]));
  return judge({
    lines,
    site: 'plain',
    server: byId,
    statusLedger,
    outbox: rows,
    cache,
    finalSyncAt: t0 + 60_000,
    users,
  });
}

describe('the soak oracle', () => {
  it('counts an undo that put back the colleague’s status with the retries over the moderator, not as unexplained', () => {
    const statusLedger = [
      entry(20, 'unapproved', 'approved', users.admin, t0 + 1975),
      entry(29, 'approved', 'trash', users.editor, t0 + 5133),
      entry(69, 'trash', 'approved', users.editor, t0 + 31_115),
    ];
    const verdict = judgePlain(trashThenUndo, [comment(20, 'approved')], statusLedger);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.lost).toEqual([]);
    expect(verdict.doubled).toEqual([]);
    expect(verdict.retryOverModerator).toBe(1);
    expect(verdict.undoRestoredModerator).toBe(1);
    expect(verdict.decisions).toBe(1);
    expect(verdict.undos).toBe(1);
  });

  it('still calls it unexplained when no colleague set the status the undo left', () => {
    const statusLedger = [
      entry(29, 'unapproved', 'trash', users.editor, t0 + 5133),
      entry(69, 'trash', 'approved', users.editor, t0 + 31_115),
    ];
    const lines = trashThenUndo.filter((line) => line.kind !== 'moderator');
    const verdict = judgePlain(lines, [comment(20, 'approved')], statusLedger);
    expect(verdict.unexplained).toEqual(['comment 20: the user last decided hold, WordPress has approved']);
    expect(verdict.undoRestoredModerator).toBe(0);
  });

  it('calls an undo that never reached WordPress lost', () => {
    const statusLedger = [
      entry(20, 'unapproved', 'approved', users.admin, t0 + 1975),
      entry(29, 'approved', 'trash', users.editor, t0 + 5133),
    ];
    const verdict = judgePlain(trashThenUndo, [comment(20, 'trash')], statusLedger);
    expect(verdict.lost).toEqual(['comment 20: the user last decided hold, WordPress has trash']);
    expect(verdict.retryOverModerator).toBe(0);
  });

  it('finds nothing wrong when the undo restored the user’s own status', () => {
    const statusLedger = [
      entry(29, 'unapproved', 'trash', users.editor, t0 + 5133),
      entry(69, 'trash', 'unapproved', users.editor, t0 + 31_115),
    ];
    const lines = trashThenUndo.filter((line) => line.kind !== 'moderator');
    const verdict = judgePlain(lines, [comment(20, 'hold')], statusLedger);
    expect([verdict.lost, verdict.doubled, verdict.stuck, verdict.unexplained]).toEqual([[], [], [], []]);
    expect(verdict.retryOverModerator).toBe(0);
  });

  it('counts a colleague’s later change as told from the sync’s changed-elsewhere notice (no Bridge)', () => {
    // spam (hold) held on the server; the colleague approved it afterwards.
    const lines: LedgerLine[] = [{ ...(trashThenUndo[0] as LedgerLine & { kind: 'decide' }), decision: 'spam' }];
    const statusLedger = [
      entry(29, 'unapproved', 'spam', users.editor, t0 + 5133),
      entry(40, 'spam', 'approved', users.admin, t0 + 9000),
    ];
    const notTold = judgePlain(lines, [comment(20, 'approved')], statusLedger, [row(35, 'spam')]);
    expect(notTold.overwrittenByModerator).toEqual({ told: 0, notTold: 1 });
    const notice = { kind: 'changed-elsewhere', code: null, message: 'Changed by someone else after your decision' };
    const told = judgePlain(lines, [comment(20, 'approved')], statusLedger, [{ ...row(35, 'spam'), error: notice }]);
    expect(told.overwrittenByModerator).toEqual({ told: 1, notTold: 0 });
    expect([told.lost, told.unexplained]).toEqual([[], []]);
  });

  it('judges only its own site’s lines, keeping the undo’s pointer into the whole ledger', () => {
    const other: LedgerLine = {
      ...(trashThenUndo[0] as LedgerLine & { kind: 'decide' }),
      site: 'bridge',
      commentId: 7,
    };
    const lines = [other, ...trashThenUndo.filter((line) => line.kind !== 'moderator')];
    const undo = lines[2] as LedgerLine & { kind: 'undo' };
    lines[2] = { ...undo, of: 1 };
    const statusLedger = [
      entry(29, 'unapproved', 'trash', users.editor, t0 + 5133),
      entry(69, 'trash', 'unapproved', users.editor, t0 + 31_115),
    ];
    const verdict = judgePlain(lines, [comment(20, 'hold')], statusLedger);
    expect([verdict.decisions, verdict.undos]).toEqual([1, 1]);
    expect([verdict.lost, verdict.doubled, verdict.unexplained]).toEqual([[], [], []]);
  });

  it('finds a decided comment back in the cache’s queue, and a cache that differs from WordPress', () => {
    const lines = trashThenUndo.slice(0, 1);
    const statusLedger = [entry(29, 'unapproved', 'trash', users.editor, t0 + 5133)];
    const server = [comment(20, 'trash'), comment(21, 'approved'), comment(23, 'hold')];
    const withCache = (cache: Pick<CommentRow, 'id' | 'status'>[]) =>
      judgePlain(lines, server, statusLedger, [row(35, 'trash')], cache);
    const verdict = withCache([
      { id: 20, status: 'hold' },
      { id: 21, status: 'spam' },
      { id: 22, status: 'hold' },
    ]);
    expect(verdict.backInQueue).toEqual(['comment 20: the cache has hold, WordPress trash']);
    // Never decided, cached in another status (a colleague moved it out of the queue): compared all the same.
    expect(verdict.cacheDiffers).toEqual([
      'comment 21: the cache has spam, WordPress approved',
      'comment 22: the cache has hold, WordPress deleted',
      'comment 23: pending in WordPress, not in the cache',
    ]);
    expect(verdict.cacheCompared).toBe(3);
    const same = withCache([
      { id: 20, status: 'trash' },
      { id: 23, status: 'hold' },
    ]);
    expect([same.backInQueue, same.cacheDiffers]).toEqual([[], []]);
    // Sent within the client's timeout before the final sync: that sync kept the user's view, not compared.
    const late = judge({
      lines,
      site: 'plain',
      server: new Map(server.map((one) => [one.id, one])),
      statusLedger,
      outbox: [row(35, 'trash')],
      cache: [
        { id: 20, status: 'hold' },
        { id: 23, status: 'hold' },
      ],
      finalSyncAt: t0 + 10_000,
      users,
    });
    expect([late.backInQueue, late.cacheDiffers, late.cacheUnchecked]).toEqual([[], [], 1]);
  });

  it('takes an undo that dismissed a changed-elsewhere notice for what it is: the decision had landed', () => {
    // Seed 4242, comment 156: approve landed, the colleague spammed it, the user "undid" the notice.
    const approve: LedgerLine = { ...(trashThenUndo[0] as LedgerLine & { kind: 'decide' }), decision: 'approve' };
    const dismiss = { ...(trashThenUndo[2] as LedgerLine & { kind: 'undo' }), result: 'cancelled' as const };
    const statusLedger = [
      entry(7, 'unapproved', 'approved', users.editor, t0 + 5000),
      entry(30, 'approved', 'spam', users.admin, t0 + 9000),
    ];
    const notice = { kind: 'changed-elsewhere', code: 'changed_elsewhere', message: 'Changed by someone else' };
    const rows = [{ ...row(35, 'approve'), error: notice }];
    const verdict = judgePlain(
      [approve, trashThenUndo[1] as LedgerLine, dismiss],
      [comment(20, 'spam')],
      statusLedger,
      rows,
    );
    expect([verdict.lost, verdict.doubled, verdict.unexplained]).toEqual([[], [], []]);
    expect(verdict.overwrittenByModerator).toEqual({ told: 1, notTold: 0 });
  });

  it('takes a decision whose conflict a later decision settled (its row dropped) as told, not lost', () => {
    // Seed 207126, comment 212 (no Bridge): spam landed, the colleague trashed it, the undo's Not spam was
    // refused (the comment was no longer in Spam), the user's next decision (Trash, cancelled at once)
    // dropped that conflict; the colleague later set it to pending.
    const spam: LedgerLine = {
      ...(trashThenUndo[0] as LedgerLine & { kind: 'decide' }),
      decision: 'spam',
      statusBefore: 'approved',
    };
    const undoSpam = { ...(trashThenUndo[2] as LedgerLine & { kind: 'undo' }), at: t0 + 90_000 };
    const statusLedger = [
      entry(475, 'approved', 'spam', users.editor, t0 + 3000),
      entry(557, 'spam', 'trash', users.admin, t0 + 57_000),
      entry(699, 'trash', 'unapproved', users.admin, t0 + 130_000),
    ];
    const notice = { kind: 'changed-elsewhere', code: 'changed_elsewhere', message: 'Changed by someone else' };
    const rows = [{ ...row(35, 'spam'), state: 'conflict' as const, error: notice }];
    const verdict = judgePlain([spam, undoSpam], [comment(20, 'hold')], statusLedger, rows);
    expect([verdict.lost, verdict.doubled, verdict.unexplained]).toEqual([[], [], []]);
    expect(verdict.refusedAndTold).toBe(2);
  });
});

describe('the soak oracle’s cache check', () => {
  const server = [
    comment(30, 'spam'), // a parent cached for its thread as approved; the colleague spammed it since
    comment(31, 'trash'), // cached in Trash, still there
    comment(32, 'approved'), // a job's comment, cached as the job left it
    comment(33, 'spam'), // decided by the user just before the final sync: its answer may still be on its way
    comment(34, 'trash'), // the user's reply, trashed by an undo sent just before the final sync
  ];
  const late = (id: number, commentId: number, decision: OutboxRow['decision'], resultId: number | null = null) => ({
    ...row(id, decision),
    commentId,
    sentAt: t0 + 55_000,
    resultId,
  });

  it('compares every cached comment, whatever put it there, with WordPress', () => {
    const verdict = judgePlain(
      [],
      server,
      [],
      [],
      [
        { id: 30, status: 'approved' },
        { id: 31, status: 'trash' },
        { id: 32, status: 'approved' },
      ],
    );
    expect(verdict.cacheDiffers).toEqual(['comment 30: the cache has approved, WordPress spam']);
    expect(verdict.cacheCompared).toBe(3);
    expect(verdict.backInQueue).toEqual([]);
  });

  it('leaves out comments whose decision may still be on its way, and a reply whose row is', () => {
    const rows = [late(40, 33, 'spam'), late(41, 20, 'reply', 34)];
    const cache = [
      { id: 33, status: 'trash' },
      { id: 34, status: 'approved' },
      { id: 31, status: 'spam' },
    ];
    const verdict = judgePlain([], server, [], rows, cache);
    expect(verdict.cacheDiffers).toEqual(['comment 31: the cache has spam, WordPress trash']);
    expect([verdict.cacheCompared, verdict.cacheUnchecked]).toEqual([1, 3]);
  });
});
