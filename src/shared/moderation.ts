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

/** The status the comment shows right after the decision (optimistic, until WordPress confirms). */
export function statusAfter(decision: Decision, previous: string): string {
  switch (decision) {
    case 'approve':
      return 'approved';
    case 'unapprove':
      return 'hold';
    case 'spam':
      return 'spam';
    case 'trash':
      return 'trash';
    case 'delete':
      return 'deleted';
    case 'edit':
    case 'reply':
      return previous;
    // WordPress restores what the comment was before spam/trash; pending is the usual answer.
    case 'unspam':
    case 'untrash':
      return previous === 'spam' || previous === 'trash' ? 'hold' : previous;
  }
}

/** The decision that takes a sent decision back, given the status the comment had before it. */
export function reverseOf(decision: Decision, previousStatus: string): Decision | null {
  switch (decision) {
    // From trash to spam and back: "not spam" would land on pending, not where it was.
    case 'spam':
      return previousStatus === 'trash' ? 'trash' : 'unspam';
    case 'trash':
      return previousStatus === 'spam' ? 'spam' : 'untrash';
    case 'delete':
    case 'reply':
    case 'edit':
      // Taken back by other means: trashing the reply, editing the text back (see undo).
      return null;
    default:
      if (previousStatus === 'approved') return 'approve';
      if (previousStatus === 'hold') return 'unapprove';
      if (previousStatus === 'spam') return 'spam';
      if (previousStatus === 'trash') return 'trash';
      return null;
  }
}

/** The moderation keys that act on a comment (with Shift, on the selection in the popup). */
export const moderationKeys = ['a', 'u', 's', 'd', 'z'] as const;
export type ModerationKey = (typeof moderationKeys)[number];

/** Undo the last decision; with nothing to undo, restore the comment (its status's `z` row). */
export const undoKey: ModerationKey = 'z';

/** The keys that open a text box on a comment. */
export const textKeys: Record<TextDecision, string> = { reply: 'r', approveAndReply: 'q', edit: 'e' };

/**
 * Per status: the status actions a comment offers (in the order of its buttons) and the keys of
 * each — wp-admin's row actions and their `vim-*` keys (class-wp-comments-list-table.php): spam
 * offers "Not Spam" (`z`) and "Delete Permanently" (`d`); trash "Restore" (`z`), "Spam" (`s`) and
 * "Delete Permanently" (`d`). `u` (and `s` on spam) also restore, and `a` approves a spam or trashed
 * comment at once, as the popup always let them (ADR 018).
 */
interface StatusRow {
  action: StatusAction;
  keys: readonly ModerationKey[];
  /** false: a key only, no button (a habit the popup always had, not one of wp-admin's row actions) */
  button?: false;
}

const statusTable: Record<CommentStatus, readonly StatusRow[]> = {
  hold: [
    { action: 'approve', keys: ['a'] },
    { action: 'spam', keys: ['s'] },
    { action: 'trash', keys: ['d'] },
  ],
  approved: [
    { action: 'unapprove', keys: ['u'] },
    { action: 'spam', keys: ['s'] },
    { action: 'trash', keys: ['d'] },
  ],
  spam: [
    { action: 'unspam', keys: ['s', 'u', 'z'] },
    { action: 'delete', keys: ['d'] },
    { action: 'approve', keys: ['a'], button: false },
  ],
  trash: [
    { action: 'untrash', keys: ['u', 'z'] },
    { action: 'spam', keys: ['s'] },
    { action: 'delete', keys: ['d'] },
    { action: 'approve', keys: ['a'], button: false },
  ],
};

/** Per status: the text boxes a comment offers (approve-and-reply only while it waits). */
const textTable: Record<CommentStatus, readonly TextDecision[]> = {
  hold: ['approveAndReply', 'edit', 'reply'],
  approved: ['edit', 'reply'],
  spam: [],
  trash: [],
};

const isStatus = (status: string): status is CommentStatus => (commentStatuses as readonly string[]).includes(status);

/** The status buttons a comment in this status gets, in order (none for a status we do not moderate). */
export function statusActionsFor(status: string): StatusAction[] {
  return isStatus(status) ? statusTable[status].filter((row) => row.button !== false).map((row) => row.action) : [];
}

/** The text boxes a comment in this status offers. */
export function textDecisionsFor(status: string): TextDecision[] {
  return isStatus(status) ? [...textTable[status]] : [];
}

/**
 * Who is asking: a moderator may do everything; an author (WordPress maps `edit_comment` to
 * `edit_post`) everything on their own posts and nothing on others'. Nobody sees a button that
 * will fail.
 */
export type Role = 'moderator' | 'author';

export function mayModerate(role: Role, ownPost: boolean): boolean {
  return role === 'moderator' || ownPost;
}

/** Everything a comment offers, buttons in order: status actions, then text boxes. */
export function decisionsFor(status: string, canModerate: boolean): RequestedDecision[] {
  if (!canModerate) return [];
  const byStatus: RequestedDecision[] = statusActionsFor(status);
  // The status actions' order on the page: approve, approve-and-reply, spam, ... (hold only).
  const texts = textDecisionsFor(status);
  const first = byStatus[0] === 'approve' && texts.includes('approveAndReply') ? 1 : 0;
  const rest = texts.filter((name) => name !== 'approveAndReply');
  return [
    ...byStatus.slice(0, first),
    ...texts.filter((name) => name === 'approveAndReply'),
    ...byStatus.slice(first),
    ...rest,
  ];
}

/** The status action a moderation key means on a comment of this status; null: nothing. */
export function statusActionForKey(key: string, status: string): StatusAction | null {
  if (!isStatus(status)) return null;
  return statusTable[status].find((row) => (row.keys as readonly string[]).includes(key))?.action ?? null;
}

/** The decision any key means on a comment of this status (status actions and text boxes). */
export function decisionForKey(key: string, status: string): RequestedDecision | null {
  const action = statusActionForKey(key, status);
  if (action) return action;
  return textDecisionsFor(status).find((name) => textKeys[name] === key) ?? null;
}

/** The key shown on a button: its first key in the status table (the same in every status). */
export function keyOf(decision: RequestedDecision): string | null {
  if (isTextDecision(decision)) return textKeys[decision];
  for (const status of commentStatuses)
    for (const row of statusTable[status]) if (row.action === decision) return row.keys[0] ?? null;
  return null;
}
