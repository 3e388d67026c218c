/**
 * The soak's draft oracle (scripts/soak/draft-oracle.ts, pure): every draft the user typed that no
 * rule of the extension ended is in the drafts table with exactly its text — saves answered,
 * unanswered or refused; a reply, approve-and-reply or edit sent ends its kind's draft; an undo that
 * cancels a reply gives its text back unless a draft is there; a refused reply gives it back too.
 */
import { describe, expect, it } from 'vitest';
import { judgeDrafts } from '../../../scripts/soak/draft-oracle.ts';
import type { LedgerLine } from '../../../scripts/soak/ledger.ts';
import type { DraftRow, OutboxRow } from '../../../src/shared/db/index.ts';
import { outboxRow, t0 } from './soak-rows.ts';

const typed = (
  content: string,
  { commentId = 20, kind = 'reply', saved = true, refused = null, site = 'bridge' } = {} as {
    commentId?: number;
    kind?: 'reply' | 'edit';
    saved?: boolean | null;
    refused?: string | null;
    site?: string;
  },
): LedgerLine => ({
  kind: 'draft',
  site,
  at: t0,
  commentId,
  draftKind: kind,
  content,
  saved: saved === true && content === '' ? false : saved,
  refused,
  alongsideFault: false,
});

const sent = (
  decision: 'reply' | 'edit' | 'approveAndReply' | 'approve',
  content: string | null,
  outboxIds: number[],
  commentId = 20,
): LedgerLine => ({
  kind: 'decide',
  site: 'bridge',
  at: t0,
  commentId,
  decision,
  statusBefore: 'hold',
  content,
  outboxIds,
  refused: null,
});

const undone = (outboxId: number, of: number, result: 'cancelled' | 'reversed' = 'cancelled'): LedgerLine => ({
  kind: 'undo',
  site: 'bridge',
  at: t0,
  commentId: 20,
  outboxId,
  of,
  within: 'window',
  result,
  refused: null,
});

const textRow = (id: number, decision: OutboxRow['decision'], state: OutboxRow['state'], content: string | null) =>
  outboxRow(id, decision, { state, content });

const draft = (content: string, kind: 'reply' | 'edit' = 'reply', commentId = 20): DraftRow => ({
  siteId: 'site',
  commentId,
  kind,
  content,
  updatedAt: t0,
});

const judge = (lines: LedgerLine[], drafts: DraftRow[], outbox: OutboxRow[] = []) =>
  judgeDrafts({ lines, site: 'bridge', drafts, outbox });

describe('the soak’s draft oracle', () => {
  it('wants the last text saved in the table, exactly', () => {
    const lines = [typed('Dan'), typed('Danke für'), typed('Danke für den Hinweis.')];
    expect(judge(lines, [draft('Danke für den Hinweis.')])).toMatchObject({ saved: 3, checked: 1, lost: [] });
    expect(judge(lines, []).lost).toEqual([
      `reply draft of comment 20: not in the table, the user's is "Danke für den Hinweis."`,
    ]);
    expect(judge(lines, [draft('Danke für')]).lost).toEqual([
      `reply draft of comment 20: the table has "Danke für", the user's is "Danke für den Hinweis."`,
    ]);
  });

  it('takes a save without an answer as written or not, and one refused as not written', () => {
    const lines = [typed('Danke'), typed('Danke schön', { saved: null })];
    expect(judge(lines, [draft('Danke')]).lost).toEqual([]);
    expect(judge(lines, [draft('Danke schön')]).lost).toEqual([]);
    expect(judge(lines, []).lost).toHaveLength(1);
    const refused = [typed('Danke'), typed('Danke schön', { saved: null, refused: 'storage_failed' })];
    expect(judge(refused, [draft('Danke')]).lost).toEqual([]);
    expect(judge(refused, [draft('Danke schön')]).lost).toHaveLength(1);
    expect(judge(refused, []).unanswered).toBe(1);
  });

  it('expects no draft once the user emptied the box', () => {
    const lines = [typed('Danke'), typed('')];
    expect(judge(lines, [])).toMatchObject({ lost: [], unexplained: [] });
    expect(judge(lines, [draft('Danke')]).unexplained).toHaveLength(1);
  });

  it('lets a reply, an approve-and-reply or an edit sent end its own kind’s draft, and only that', () => {
    const reply = [typed('Antwort'), typed('Neu', { kind: 'edit' }), sent('reply', 'Antwort', [5])];
    expect(judge(reply, [draft('Neu', 'edit')])).toMatchObject({ ended: 1, lost: [], unexplained: [] });
    expect(judge(reply, [draft('Antwort'), draft('Neu', 'edit')]).unexplained).toEqual([
      'reply draft of comment 20: the table has "Antwort", though a sent reply or edit ended it',
    ]);
    // The edit sent leaves the reply draft; the reply draft missing is lost.
    const edit = [typed('Antwort'), typed('Neu', { kind: 'edit' }), sent('edit', 'Neu', [5])];
    expect(judge(edit, []).lost).toEqual([`reply draft of comment 20: not in the table, the user's is "Antwort"`]);
    const both = [typed('Antwort'), sent('approveAndReply', 'Antwort', [5, 6])];
    expect(judge(both, [])).toMatchObject({ ended: 1, lost: [], unexplained: [] });
    // A status decision ends nothing.
    expect(judge([typed('Antwort'), sent('approve', null, [5])], []).lost).toHaveLength(1);
  });

  it('wants a reply undone before it was sent back as the draft, unless the user had typed one since', () => {
    const lines = [typed('Antwort'), sent('reply', 'Antwort', [5]), undone(5, 1)];
    expect(judge(lines, [draft('Antwort')])).toMatchObject({ givenBack: 1, lost: [] });
    expect(judge(lines, []).lost).toEqual([`reply draft of comment 20: not in the table, the user's is "Antwort"`]);
    const typedSince = [typed('Antwort'), sent('reply', 'Antwort', [5]), typed('Andere Antwort'), undone(5, 2)];
    expect(judge(typedSince, [draft('Andere Antwort')]).lost).toEqual([]);
    expect(judge(typedSince, [draft('Antwort')]).lost).toHaveLength(1);
    // Reversed (it had been sent: the reply is trashed), or a notice dismissed (the row stays): nothing given back.
    const reversed = [typed('Antwort'), sent('reply', 'Antwort', [5]), undone(5, 1, 'reversed')];
    expect(judge(reversed, [], [textRow(5, 'reply', 'done', 'Antwort')])).toMatchObject({ givenBack: 0, lost: [] });
    expect(judge(lines, [], [textRow(5, 'reply', 'done', 'Antwort')])).toMatchObject({ givenBack: 0, lost: [] });
  });

  it('accepts a refused reply’s text back as the draft, and a reply the ledger does not know as having ended it', () => {
    const lines = [typed('Antwort'), sent('reply', 'Antwort', [5])];
    const failed = [textRow(5, 'reply', 'failed', 'Antwort')];
    expect(judge(lines, [draft('Antwort')], failed)).toMatchObject({ lost: [], unexplained: [] });
    expect(judge(lines, [], failed)).toMatchObject({ lost: [], unexplained: [] });
    // Its decide's answer was lost: no ledger line, only its outbox row.
    const unknown = [textRow(9, 'reply', 'done', 'Antwort')];
    expect(judge([typed('Antwort')], [], unknown)).toMatchObject({ lost: [], unexplained: [] });
    expect(judge([typed('Antwort')], [], []).lost).toHaveLength(1);
  });

  it('judges its own site’s drafts, and calls one in the table nobody typed unexplained', () => {
    const lines = [typed('Antwort', { site: 'plain' }), typed('Hallo', { commentId: 21 })];
    const verdict = judge(lines, [draft('Hallo', 'reply', 21), draft('Woher?', 'edit', 22)]);
    expect(verdict.checked).toBe(1);
    expect(verdict.lost).toEqual([]);
    expect(verdict.unexplained).toEqual(['edit draft of comment 22: "Woher?", never typed']);
  });
});
