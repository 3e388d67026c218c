/**
 * The moderation vocabulary every surface shares (popup, inline view, outbox, message schemas):
 * pure data and types, no Dexie, no browser API. The content script reads its words from here,
 * never from the cache's row types. Keys, buttons and status changes are tables, so the popup and
 * the page cannot disagree about what `d` does to a spam comment (they did; ADR 018).
 */

/** A moderator's decision about one comment, as the user sees it and as WordPress is asked. */
export const decisions = [
  'approve',
  'unapprove',
  'spam',
  'unspam',
  'trash',
  'untrash',
  'delete',
  'edit',
  'reply',
] as const;
export type Decision = (typeof decisions)[number];

/**
 * What a surface may ask the background for: a decision, or wp-admin's "Approve and Reply" (two
 * decisions in the outbox, because REST does not approve the parent of a reply).
 */
export const requestedDecisions = [...decisions, 'approveAndReply'] as const;
export type RequestedDecision = (typeof requestedDecisions)[number];

/** The decisions that change a comment's status (each a button with a key). */
export const statusActions = ['approve', 'unapprove', 'spam', 'unspam', 'trash', 'untrash', 'delete'] as const;
export type StatusAction = (typeof statusActions)[number];

/** The decisions that need a text the user writes. */
export const textDecisions = ['approveAndReply', 'edit', 'reply'] as const;
export type TextDecision = (typeof textDecisions)[number];

export const isTextDecision = (decision: RequestedDecision): decision is TextDecision =>
  (textDecisions as readonly string[]).includes(decision);

/** What the user is typing: a reply to a comment, or a new text for it. */
export const draftKinds = ['reply', 'edit'] as const;
export type DraftKind = (typeof draftKinds)[number];

/** The statuses a comment is moderated in (WordPress's `status` in context=edit). */
export const commentStatuses = ['hold', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

/** What a comment is: a comment, or a ping from another site. */
export const commentTypes = ['comment', 'pingback', 'trackback'] as const;
/** A stored comment keeps an unknown type a plugin invented (WordPress allows any string). */
export type CommentType = (typeof commentTypes)[number];

/** An article's approved reactions as WordPress counts them (comments, and pings apart). */
export interface ArticleTotals {
  comments: number;
  pings: number;
}

/** The status a decision leaves whatever the status before (the others depend on it). */
const fixedStatusAfter: Partial<Record<Decision, string>> = {
  approve: 'approved',
  unapprove: 'hold',
  spam: 'spam',
  trash: 'trash',
  delete: 'deleted',
};

/** The status the comment shows right after the decision (optimistic, until WordPress confirms). */
export function statusAfter(decision: Decision, previous: string): string {
  // Edit and reply leave it; WordPress restores what the comment was before spam/trash, pending as a rule.
  return (
    fixedStatusAfter[decision] ??
    ((decision === 'unspam' || decision === 'untrash') && (previous === 'spam' || previous === 'trash')
      ? 'hold'
      : previous)
  );
}

/** The decision that brings a comment back to a status. */
const decisionBackTo: Record<CommentStatus, Decision> = {
  approved: 'approve',
  hold: 'unapprove',
  spam: 'spam',
  trash: 'trash',
};

/** The decision that takes a sent decision back, given the status the comment had before it. */
export function reverseOf(decision: Decision, previousStatus: string): Decision | null {
  // Delete cannot be taken back; edit and reply by other means (trashing the reply, editing the text back).
  if (decision === 'delete' || isTextDecision(decision)) return null;
  // From trash to spam and back: "not spam" would land on pending, not where it was.
  if (decision === 'spam') return previousStatus === 'trash' ? 'trash' : 'unspam';
  if (decision === 'trash') return previousStatus === 'spam' ? 'spam' : 'untrash';
  return Object.hasOwn(decisionBackTo, previousStatus) ? decisionBackTo[previousStatus as CommentStatus] : null;
}

/** The moderation keys that act on a comment (with Shift, on the selection in the popup). */
export const moderationKeys = ['a', 'u', 's', 'd', 'z'] as const;
export type ModerationKey = (typeof moderationKeys)[number];

/** Undo the last decision; with nothing to undo, restore the comment (its status's `z` row). */
export const undoKey: ModerationKey = 'z';

/** The keys that open a text box on a comment. */
export const textKeys: Record<TextDecision, string> = { reply: 'r', approveAndReply: 'q', edit: 'e' };

interface Row {
  decision: RequestedDecision;
  keys: readonly string[];
  /** false: a key only, no button (a habit the popup always had, not one of wp-admin's row actions) */
  button?: false;
}

const approveAndReply: Row = { decision: 'approveAndReply', keys: [textKeys.approveAndReply] };
const edit: Row = { decision: 'edit', keys: [textKeys.edit] };
const reply: Row = { decision: 'reply', keys: [textKeys.reply] };
const approveByKey: Row = { decision: 'approve', keys: ['a'], button: false };

/**
 * Per status: what a comment offers, in the order of its buttons, and the keys of each — wp-admin's
 * row actions and their `vim-*` keys (class-wp-comments-list-table.php): spam offers "Not Spam"
 * (`z`) and "Delete Permanently" (`d`); trash "Restore" (`z`), "Spam" (`s`) and "Delete
 * Permanently" (`d`). `u` (and `s` on spam) also restore, and `a` approves a spam or trashed comment
 * at once, as the popup always let them; `q` and `e` keep the popup's meaning (ADR 018).
 */
const table: Record<CommentStatus, readonly Row[]> = {
  hold: [
    { decision: 'approve', keys: ['a'] },
    approveAndReply,
    { decision: 'spam', keys: ['s'] },
    { decision: 'trash', keys: ['d'] },
    edit,
    reply,
  ],
  approved: [
    { decision: 'unapprove', keys: ['u'] },
    { decision: 'spam', keys: ['s'] },
    { decision: 'trash', keys: ['d'] },
    edit,
    reply,
  ],
  spam: [{ decision: 'unspam', keys: ['s', 'u', 'z'] }, { decision: 'delete', keys: ['d'] }, approveByKey],
  trash: [
    { decision: 'untrash', keys: ['u', 'z'] },
    { decision: 'spam', keys: ['s'] },
    { decision: 'delete', keys: ['d'] },
    approveByKey,
  ],
};

// Own keys only: a status named `constructor` must find nothing.
const rowsOf = (status: string): readonly Row[] => (Object.hasOwn(table, status) ? table[status as CommentStatus] : []);

/**
 * Who is asking: a moderator may do everything; an author (WordPress maps `edit_comment` to
 * `edit_post`) everything on their own posts and nothing on others'. Nobody sees a button that
 * will fail.
 */
export type Role = 'moderator' | 'author';

export function mayModerate(role: Role, ownPost: boolean): boolean {
  return role === 'moderator' || ownPost;
}

/** Everything a comment offers, buttons in order (none for a status we do not moderate). */
export function decisionsFor(status: string, canModerate: boolean): RequestedDecision[] {
  return canModerate ? rowsOf(status).flatMap((row) => (row.button === false ? [] : [row.decision])) : [];
}

/** The status buttons a comment in this status gets, in order. */
export function statusActionsFor(status: string): StatusAction[] {
  return decisionsFor(status, true).filter((decision): decision is StatusAction => !isTextDecision(decision));
}

/** The decision a key means on a comment of this status; null: nothing. */
export function decisionForKey(key: string, status: string): RequestedDecision | null {
  return rowsOf(status).find((row) => row.keys.includes(key))?.decision ?? null;
}

/** The status action a moderation key means on a comment of this status; null: nothing. */
export function statusActionForKey(key: string, status: string): StatusAction | null {
  const decision = decisionForKey(key, status);
  return decision && !isTextDecision(decision) ? (decision as StatusAction) : null;
}

/** The key shown on a button: its first key in the table (the same in every status). */
export function keyOf(decision: RequestedDecision): string | null {
  for (const status of commentStatuses)
    for (const row of table[status]) if (row.decision === decision) return row.keys[0] ?? null;
  return null;
}
