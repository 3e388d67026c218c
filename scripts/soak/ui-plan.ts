/**
 * The soak's UI share, pure: which way a decision is made (the extension's messages, the popup's
 * keys, a click on the article), the key or the page for it, and what a UI action left in the
 * outbox — the rows the ledger line needs (so the oracle judges it like a message decision, and
 * undo finds it), or proof that the UI did something else than asked.
 */
import type { CommentRow, OutboxRow } from '../../src/shared/db/index.ts';
import {
  decisionForKey,
  isTextDecision,
  keyOf,
  type RequestedDecision,
  textKeys,
} from '../../src/shared/moderation.ts';
import { roughText } from '../../src/shared/rough-text.ts';
import type { Random } from './random.ts';

export type Via = 'message' | 'popup-keys' | 'article-click';

/**
 * A share of the decisions through the UI, half of them on the article where it can be: the article
 * shows pending comments (cards) and approved ones (toolbars), never spam or trash.
 */
export function chooseVia(random: Random, status: string, uiShare: number): Via {
  if (!random.chance(uiShare)) return 'message';
  const onArticle = status === 'hold' || status === 'approved';
  return onArticle && random.chance(0.5) ? 'article-click' : 'popup-keys';
}

/** The popup's key for a decision on a comment of this status: its button's key, if the status maps it to the decision. */
export function keyFor(decision: RequestedDecision, status: string): string | null {
  if (isTextDecision(decision)) return textKeys[decision];
  const key = keyOf(decision);
  return key !== null && decisionForKey(key, status) === decision ? key : null;
}

/**
 * The comment's link on the origin the extension knows the site by (the proxy's), without its
 * `#comment-N`: the same article asked for again is then loaded again, not only scrolled.
 */
export function articleUrl(link: string, siteOrigin: string): string {
  const url = new URL(link);
  const origin = new URL(siteOrigin);
  url.protocol = origin.protocol;
  url.host = origin.host;
  url.hash = '';
  return url.href;
}

/** A card's text holds the comment's text: its first words are enough (they must name one card). */
export const cardSnippet = (comment: Pick<CommentRow, 'contentHtml'>): string =>
  roughText(comment.contentHtml).replace(/\s+/g, ' ').trim().slice(0, 60);

/** The outbox rows a decision writes, in order (approve and reply: the approval, then the reply). */
export function rowDecisions(decision: RequestedDecision): string[] {
  return decision === 'approveAndReply' ? ['approve', 'reply'] : [decision];
}

export interface UiAction {
  siteId: string;
  commentId: number;
  decision: RequestedDecision;
  /** the text a reply or edit is to send */
  content: string | null;
  /** when the UI action began (the worker's clock is the machine's, as the soak's) */
  startedAt: number;
}

export type UiFinding =
  /** the decision's rows, all of them */
  | { kind: 'done'; outboxIds: number[] }
  /** nothing yet, or only the first rows of it (`outboxIds`) */
  | { kind: 'pending'; outboxIds: number[] }
  /** the UI did something else than asked: `outboxIds` are the meant comment's rows (if any) */
  | { kind: 'wrong'; outboxIds: number[]; note: string };

/**
 * What the outbox shows of a UI action: the meant comment's decisions written since it began (undo
 * rows are not decisions), and anything decided on another comment meanwhile — the soak's loop makes
 * one decision at a time, so such a row can only be the UI acting on the wrong comment.
 */
export function findUiDecision(rows: readonly OutboxRow[], action: UiAction): UiFinding {
  const since = rows
    .filter((row) => row.undoOf === null && row.createdAt >= action.startedAt)
    .sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  const meant = since.filter((row) => row.siteId === action.siteId && row.commentId === action.commentId);
  const others = since.filter((row) => !meant.includes(row));
  const outboxIds = meant.map((row) => row.id ?? 0);
  const wanted = rowDecisions(action.decision);
  const got = meant.map((row) => row.decision as string);
  if (others.length > 0) {
    const what = others.map((row) => `${row.decision} of comment ${row.commentId}`).join(', ');
    return { kind: 'wrong', outboxIds, note: `the UI decided ${what} instead` };
  }
  if (got.length > wanted.length || got.some((decision, at) => decision !== wanted[at]))
    return { kind: 'wrong', outboxIds, note: `the UI decided ${got.join(' + ')}` };
  const text = meant.find((row) => row.decision === 'reply' || row.decision === 'edit');
  if (text && text.content !== action.content)
    return {
      kind: 'wrong',
      outboxIds,
      note: `the UI sent another text: ${JSON.stringify(text.content?.slice(0, 80))}`,
    };
  return got.length === wanted.length ? { kind: 'done', outboxIds } : { kind: 'pending', outboxIds };
}

/**
 * What an undo from the UI came to, as the undo message would have answered: reversed (a reverse
 * row names it), cancelled (the row is gone, or a changed-elsewhere notice was dismissed: conflict
 * before, done after), or null (refused, or not done).
 */
export function undoResultOf(
  before: OutboxRow | undefined,
  rows: readonly OutboxRow[],
  outboxId: number,
): 'cancelled' | 'reversed' | null {
  if (rows.some((row) => row.undoOf === outboxId)) return 'reversed';
  const after = rows.find((row) => row.id === outboxId);
  if (before && !after) return 'cancelled';
  if (before?.state === 'conflict' && after?.state === 'done') return 'cancelled';
  return null;
}
