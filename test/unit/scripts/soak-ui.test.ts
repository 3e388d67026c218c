/**
 * The storm soak's UI share, its pure parts (scripts/soak/ui-plan.ts, report.ts): the seeded choice
 * of the way a decision is made, the popup's key and the article's address for it, what a UI action
 * left in the outbox (its rows, nothing yet, or another comment decided), what an undo from the popup
 * came to — and that a UI action gone wrong is a failure the oracle sees, counted by `via`.
 */
import { describe, expect, it } from 'vitest';
import type { LedgerLine } from '../../../scripts/soak/ledger.ts';
import { judge } from '../../../scripts/soak/oracle.ts';
import { seededRandom } from '../../../scripts/soak/random.ts';
import { decisionsByVia } from '../../../scripts/soak/report.ts';
import {
  articleUrl,
  cardSnippet,
  chooseVia,
  findUiDecision,
  keyFor,
  undoResultOf,
  type Via,
} from '../../../scripts/soak/ui-plan.ts';
import type { CommentRow, OutboxRow } from '../../../src/shared/db/index.ts';
import type { RequestedDecision } from '../../../src/shared/moderation.ts';

const started = 1_796_606_743_565;
const siteId = 'http://127.0.0.1:9400/wp-json/';

function outboxRow(overrides: Partial<OutboxRow> & Pick<OutboxRow, 'id' | 'commentId' | 'decision'>): OutboxRow {
  return {
    siteId,
    previousStatus: 'hold',
    snapshot: {} as CommentRow,
    state: 'waiting',
    createdAt: started + 50,
    notBefore: started + 2050,
    attempts: 0,
    sentAt: null,
    error: null,
    undoOf: null,
    ...overrides,
  };
}

describe('the way a decision is made', () => {
  it('sends about the share asked for through the UI, the same ways for the same seed', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 2000 }, (_, at) => chooseVia(random, at % 2 === 0 ? 'hold' : 'approved', 0.2));
    };
    const vias = draw(970147);
    const share = (via: Via) => vias.filter((one) => one === via).length / vias.length;
    expect(share('message')).toBeGreaterThan(0.75);
    expect(share('message')).toBeLessThan(0.85);
    expect(share('popup-keys')).toBeGreaterThan(0.05);
    expect(share('article-click')).toBeGreaterThan(0.05);
    expect(draw(970147)).toEqual(vias);
  });

  it('never goes to the article for a comment in spam or trash (the article does not show them)', () => {
    const random = seededRandom(4242);
    const vias = new Set(
      Array.from({ length: 500 }, (_, at) => chooseVia(random, at % 2 === 0 ? 'spam' : 'trash', 0.5)),
    );
    expect(vias).toEqual(new Set(['message', 'popup-keys']));
  });

  it('all by message with a share of 0', () => {
    const random = seededRandom(1);
    expect(new Set(Array.from({ length: 200 }, () => chooseVia(random, 'hold', 0)))).toEqual(new Set(['message']));
  });
});

describe('the popup key and the article address', () => {
  it('takes the key the status maps to the decision (shared/moderation.ts), and none where it maps another', () => {
    const keys: [RequestedDecision, string, string | null][] = [
      ['approve', 'hold', 'a'],
      ['approve', 'spam', 'a'],
      ['unspam', 'spam', 's'],
      ['untrash', 'trash', 'u'],
      ['delete', 'trash', 'd'],
      ['trash', 'approved', 'd'],
      ['approveAndReply', 'hold', 'q'],
      ['edit', 'approved', 'e'],
      // `d` on a pending comment trashes it: it is not the key for delete there.
      ['delete', 'hold', null],
    ];
    expect(keys.map(([decision, status]) => keyFor(decision, status))).toEqual(keys.map(([, , key]) => key));
  });

  it("opens the comment's article on the proxy's origin, without the fragment", () => {
    expect(articleUrl('http://127.0.0.1:8901/?p=5#comment-12', 'http://127.0.0.1:40123')).toBe(
      'http://127.0.0.1:40123/?p=5',
    );
    expect(articleUrl('http://127.0.0.1:8901/2026/hallo/comment-page-2/#comment-7', 'http://127.0.0.1:40123')).toBe(
      'http://127.0.0.1:40123/2026/hallo/comment-page-2/',
    );
  });

  it("finds a card by the comment's first words, as text", () => {
    expect(cardSnippet({ contentHtml: '<p>Kommentar Nummer 12: Ein Gedanke&nbsp;zum <b>Artikel</b></p>\n' })).toBe(
      'Kommentar Nummer 12: Ein Gedanke zum Artikel',
    );
  });
});

describe('what a UI action left in the outbox', () => {
  const action = { siteId, commentId: 20, decision: 'approve' as const, content: null, startedAt: started };

  it("the meant comment's new row: done, with its id", () => {
    const rows = [
      outboxRow({ id: 3, commentId: 20, decision: 'spam', createdAt: started - 5000, state: 'done' }),
      outboxRow({ id: 7, commentId: 20, decision: 'approve' }),
    ];
    expect(findUiDecision(rows, action)).toEqual({ kind: 'done', outboxIds: [7] });
  });

  it('nothing yet, or half of approve-and-reply: pending', () => {
    expect(findUiDecision([], action)).toEqual({ kind: 'pending', outboxIds: [] });
    const both = { ...action, decision: 'approveAndReply' as const, content: 'Danke' };
    const approve = outboxRow({ id: 8, commentId: 20, decision: 'approve' });
    expect(findUiDecision([approve], both)).toEqual({ kind: 'pending', outboxIds: [8] });
    const reply = outboxRow({ id: 9, commentId: 20, decision: 'reply', content: 'Danke' });
    expect(findUiDecision([reply, approve], both)).toEqual({ kind: 'done', outboxIds: [8, 9] });
  });

  it('another comment decided (on this site or the other), or another decision: wrong, saying what', () => {
    const other = outboxRow({ id: 7, commentId: 21, decision: 'approve' });
    expect(findUiDecision([other], action)).toEqual({
      kind: 'wrong',
      outboxIds: [],
      note: 'the UI decided approve of comment 21 instead',
    });
    const otherSite = outboxRow({
      id: 7,
      siteId: 'http://127.0.0.1:9401/wp-json/',
      commentId: 20,
      decision: 'approve',
    });
    expect(findUiDecision([otherSite], action).kind).toBe('wrong');
    const spam = outboxRow({ id: 7, commentId: 20, decision: 'spam' });
    expect(findUiDecision([spam], action)).toEqual({ kind: 'wrong', outboxIds: [7], note: 'the UI decided spam' });
    const twice = [
      outboxRow({ id: 7, commentId: 20, decision: 'approve' }),
      outboxRow({ id: 8, commentId: 20, decision: 'approve' }),
    ];
    expect(findUiDecision(twice, action).kind).toBe('wrong');
  });

  it('a reply with another text than asked (a draft an undo left, not replaced): wrong, with the text sent', () => {
    const asked = { ...action, decision: 'reply' as const, content: 'Antwort 17' };
    const sent = outboxRow({ id: 9, commentId: 20, decision: 'reply', content: 'Antwort 12Antwort 17' });
    expect(findUiDecision([sent], asked)).toEqual({
      kind: 'wrong',
      outboxIds: [9],
      note: 'the UI sent another text: "Antwort 12Antwort 17"',
    });
    expect(findUiDecision([{ ...sent, content: 'Antwort 17' }], asked)).toEqual({ kind: 'done', outboxIds: [9] });
  });

  it('an undo of an earlier decision written meanwhile is not a decision', () => {
    const reverse = outboxRow({ id: 6, commentId: 30, decision: 'unapprove', undoOf: 2 });
    const approve = outboxRow({ id: 7, commentId: 20, decision: 'approve' });
    expect(findUiDecision([reverse, approve], action)).toEqual({ kind: 'done', outboxIds: [7] });
  });
});

describe('what an undo from the popup came to', () => {
  const waiting = outboxRow({ id: 7, commentId: 20, decision: 'approve' });

  it('cancelled: the waiting row is gone; reversed: a row undoes it', () => {
    expect(undoResultOf(waiting, [], 7)).toBe('cancelled');
    const sent = { ...waiting, state: 'done' as const };
    const reverse = outboxRow({ id: 9, commentId: 20, decision: 'unapprove', undoOf: 7 });
    expect(undoResultOf(sent, [sent, reverse], 7)).toBe('reversed');
  });

  it('a changed-elsewhere notice dismissed is cancelled (conflict before, done after); nothing changed is null', () => {
    const conflict = { ...waiting, state: 'conflict' as const };
    expect(undoResultOf(conflict, [{ ...conflict, state: 'done' }], 7)).toBe('cancelled');
    expect(undoResultOf(waiting, [waiting], 7)).toBeNull();
  });
});

describe('a UI action in the ledger', () => {
  const decide = (overrides: Partial<Extract<LedgerLine, { kind: 'decide' }>>): LedgerLine => ({
    kind: 'decide',
    site: 'plain',
    at: started,
    commentId: 20,
    decision: 'approve',
    statusBefore: 'hold',
    content: null,
    outboxIds: [7],
    refused: null,
    ...overrides,
  });
  const lines: LedgerLine[] = [
    decide({ via: 'message' }),
    decide({ commentId: 21, outboxIds: [8], via: 'popup-keys' }),
    decide({
      commentId: 22,
      outboxIds: [],
      via: 'article-click',
      uiMismatch: 'the UI decided approve of comment 23 instead',
    }),
    {
      kind: 'ui-skipped',
      site: 'plain',
      at: started,
      commentId: 24,
      decision: 'spam',
      via: 'article-click',
      reason: 'no card for the comment',
    },
    {
      kind: 'ui-skipped',
      site: 'plain',
      at: started,
      commentId: 25,
      decision: 'spam',
      via: 'popup-keys',
      reason: 'the UI failed: Timeout 5000ms',
    },
    {
      kind: 'undo',
      site: 'plain',
      at: started,
      commentId: 21,
      outboxId: 8,
      of: 1,
      within: 'window',
      result: 'cancelled',
      refused: null,
      via: 'popup-keys',
    },
  ];

  it('is counted by via, skipped ones with their reason (without its details)', () => {
    const byVia = decisionsByVia(lines);
    expect(byVia.message).toMatchObject({ decisions: 1, undos: 0, skipped: 0, wrong: 0 });
    const figures = (via: Via) => {
      const { decisions, undos, skipped, wrong, skipReasons } = byVia[via];
      return [decisions, undos, skipped, wrong, skipReasons];
    };
    expect(figures('popup-keys')).toEqual([1, 1, 1, 0, [['the UI failed', 1]]]);
    expect(figures('article-click')).toEqual([0, 0, 1, 1, [['no card for the comment', 1]]]);
  });

  it('gone wrong is unexplained for the oracle, naming the comment meant', () => {
    const verdict = judge({
      lines,
      site: 'plain',
      server: new Map(),
      statusLedger: [],
      outbox: [],
      cache: [],
      finalSyncAt: started + 60_000,
      users: { editor: 2, admin: 1 },
    });
    expect(verdict.unexplained).toContain(
      'comment 22: approve by article-click, but the UI decided approve of comment 23 instead',
    );
  });
});
