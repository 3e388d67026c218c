/**
 * The moderation vocabulary every surface shares (popup, inline view, outbox, message schemas):
 * pure data and types, no Dexie, no browser API. The content script reads its words from here,
 * never from the cache's row types.
 */

/** A moderator's decision about one comment, as the user sees it and as WordPress is asked. */
export type Decision = 'approve' | 'unapprove' | 'spam' | 'unspam' | 'trash' | 'untrash' | 'delete' | 'edit' | 'reply';

/** What the user is typing: a reply to a comment, or a new text for it. */
export type DraftKind = 'reply' | 'edit';

/** An article's approved reactions as WordPress counts them (comments, and pings apart). */
export interface ArticleTotals {
  comments: number;
  pings: number;
}
