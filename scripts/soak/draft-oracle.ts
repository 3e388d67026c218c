/**
 * The soak's oracle for drafts, pure, one site at a time: every draft the user typed that nothing
 * legitimately ended is in the `drafts` table with exactly its text. The rules, as the extension
 * has them:
 * - a save answered replaces the draft with the box's text (an empty text deletes it: drafts.ts);
 *   a save with no answer may or may not have been written; a save refused wrote nothing;
 * - a reply (or approve and reply) or an edit sent ends that comment's draft of its kind, whatever
 *   it held (outbox/decide.ts, in the decision's transaction);
 * - an undo that cancels a reply or edit not sent yet gives its text back as the draft, unless
 *   there is a draft already (outbox/decide.ts `undo`, drafts.ts `restoreDraft`); an undo of one
 *   sent (reversed) leaves drafts alone;
 * - a reply or edit WordPress refused for good gives its text back the same way, when the refusal
 *   comes (outbox/outcome.ts `refusedText`; its row stays `failed`).
 * Each draft (comment and kind) is followed as the set of texts it may hold (null: no draft).
 */
import type { DraftRow, OutboxRow } from '../../src/shared/db/index.ts';
import type { DraftKind } from '../../src/shared/moderation.ts';
import type { LedgerLine } from './ledger.ts';

export interface DraftVerdict {
  /** saves the extension answered */
  saved: number;
  /** of those, typed while a fault was injected */
  savedAlongsideFaults: number;
  /** saves without an answer or refused (the box saved them again) */
  unanswered: number;
  /** drafts ended by a reply or an edit sent */
  ended: number;
  /** a reply or edit undone before it was sent, its text back as a draft */
  givenBack: number;
  /** drafts checked against the table at the end */
  checked: number;
  /** a draft the user typed (or an undo gave back) that is not in the table with its text */
  lost: string[];
  /** a draft in the table that no save and no rule explains */
  unexplained: string[];
}

export interface DraftOracleInput {
  lines: readonly LedgerLine[];
  site: string;
  /** the site's rows of the `drafts` table at the end */
  drafts: readonly Pick<DraftRow, 'commentId' | 'kind' | 'content'>[];
  /** the site's outbox rows at the end */
  outbox: readonly OutboxRow[];
}

type Texts = Set<string | null>;

const keyOf = (commentId: number, kind: string) => `${commentId}/${kind}`;
const nameOf = (key: string) => {
  const [commentId, kind] = key.split('/');
  return `${kind} draft of comment ${commentId}`;
};

/** The draft kind a decision's text row ends, and that row's id among the decision's outbox rows. */
function textRowOf(line: Extract<LedgerLine, { kind: 'decide' }>): { kind: DraftKind; outboxId?: number } | null {
  if (line.decision === 'edit') return { kind: 'edit', outboxId: line.outboxIds[0] };
  if (line.decision === 'reply') return { kind: 'reply', outboxId: line.outboxIds[0] };
  if (line.decision === 'approveAndReply') return { kind: 'reply', outboxId: line.outboxIds[1] };
  return null;
}

/** A text given back only where there is no draft: every "no draft" may now be that text. */
const giveBack = (texts: Texts, text: string): Texts =>
  new Set([...texts].map((held) => (held === null ? text : held)));

const shown = (text: string | null | undefined) => (text == null ? 'no draft' : JSON.stringify(text.slice(0, 100)));

export function judgeDrafts({ lines, site, drafts, outbox }: DraftOracleInput): DraftVerdict {
  const verdict: DraftVerdict = {
    saved: 0,
    savedAlongsideFaults: 0,
    unanswered: 0,
    ended: 0,
    givenBack: 0,
    checked: 0,
    lost: [],
    unexplained: [],
  };
  const outboxRow = new Map(outbox.map((row) => [row.id ?? 0, row]));
  const texts = new Map<string, Texts>();
  /** per draft, the text a refused reply or edit gives back whenever its refusal came (its timing is not known) */
  const refusedText = new Map<string, string>();
  const set = (key: string, next: Texts) => {
    const back = refusedText.get(key);
    texts.set(key, back !== undefined && next.has(null) ? new Set([...next, back]) : next);
  };
  const held = (key: string) => texts.get(key) ?? new Set([null]);
  const sentRows = new Set<number>();

  for (const line of lines) {
    if (line.kind === 'fault' || line.site !== site) continue;
    if (line.kind === 'draft') {
      const key = keyOf(line.commentId, line.draftKind);
      const text = line.content.trim() === '' ? null : line.content;
      if (line.saved !== null) {
        verdict.saved += 1;
        if (line.alongsideFault) verdict.savedAlongsideFaults += 1;
        set(key, new Set([text]));
      } else {
        verdict.unanswered += 1;
        // Refused: nothing written. No answer: written or not.
        if (line.refused === null) set(key, new Set([...held(key), text]));
      }
    }
    if (line.kind === 'decide' && line.refused === null) {
      const text = textRowOf(line);
      if (!text) continue;
      const key = keyOf(line.commentId, text.kind);
      if (text.outboxId !== undefined) sentRows.add(text.outboxId);
      const row = text.outboxId === undefined ? undefined : outboxRow.get(text.outboxId);
      if (held(key).size > 1 || !held(key).has(null)) verdict.ended += 1;
      if (row?.state === 'failed' && row.content) refusedText.set(key, row.content);
      set(key, new Set([null]));
    }
    if (line.kind === 'undo' && line.result === 'cancelled') {
      const decided = lines[line.of];
      if (decided?.kind !== 'decide' || decided.content === null) continue;
      const text = textRowOf(decided);
      // Cancelled for real: the row is gone (one still there was a dismissed notice, nothing given back).
      if (!text || text.outboxId !== line.outboxId || outboxRow.has(line.outboxId)) continue;
      const key = keyOf(decided.commentId, text.kind);
      verdict.givenBack += 1;
      set(key, giveBack(held(key), decided.content));
    }
  }

  // A reply or edit the ledger does not know (its decide's answer was lost): it may have ended the draft at any time.
  for (const row of outbox) {
    if ((row.decision !== 'reply' && row.decision !== 'edit') || row.undoOf != null || sentRows.has(row.id ?? 0))
      continue;
    const key = keyOf(row.commentId, row.decision);
    if (row.state === 'failed' && row.content) refusedText.set(key, row.content);
    set(key, new Set([...held(key), null]));
  }

  const table = new Map(drafts.map((draft) => [keyOf(draft.commentId, draft.kind), draft.content]));
  for (const [key, possible] of texts) {
    verdict.checked += 1;
    const actual = table.get(key) ?? null;
    if (possible.has(actual)) continue;
    const expected = [...possible].map(shown).join(' or ');
    const what = nameOf(key);
    if (actual === null) verdict.lost.push(`${what}: not in the table, the user's is ${expected}`);
    else if ([...possible].some((text) => text !== null))
      verdict.lost.push(`${what}: the table has ${shown(actual)}, the user's is ${expected}`);
    else verdict.unexplained.push(`${what}: the table has ${shown(actual)}, though a sent reply or edit ended it`);
  }
  for (const [key, content] of table)
    if (!texts.has(key)) verdict.unexplained.push(`${nameOf(key)}: ${shown(content)}, never typed`);
  return verdict;
}
