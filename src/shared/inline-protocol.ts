/**
 * What the background tells the inline view on an article (content script). Only what the page
 * needs: never credentials, and never commenters' emails or IPs unless the moderator asks for them.
 */
import type { BlockAvailability, BlockList } from './blocklist.ts';
import type { ArticleTotals, Decision, OutboxState } from './db/rows.ts';

export interface InlineDecisionState {
  outboxId: number;
  decision: Decision;
  state: OutboxState;
  /** waiting: when it will be sent (the undo window) */
  notBefore: number;
  error: string | null;
  /** the error's class (`blocked`: a firewall holds it up; `retryable`: tried again) */
  errorKind: string | null;
}

export interface InlineComment {
  id: number;
  parent: number;
  type: string;
  status: string;
  authorName: string;
  authorUrl: string;
  /** UTC milliseconds */
  date: number;
  /** its permalink as WordPress gives it (with the comment page it is shown on: …/comment-page-2/#comment-N) */
  link: string;
  /** untrusted: sanitized by the page that renders it */
  contentHtml: string;
  /** the text as written (moderators), for editing */
  contentRaw: string | null;
  /** the latest decision about this comment still in the outbox */
  decision: InlineDecisionState | null;
  drafts: { reply?: string; edit?: string };
  /** the blocklist entry that catches this commenter (`entry` null: only their email, IP or browser matches) */
  blocklistMatch?: { list: BlockList; entry: string | null } | null;
}

export interface InlineState {
  siteName: string;
  /** wp-admin's comment editor for an id: `${adminUrl}comment.php?action=editcomment&c=${id}` */
  adminUrl: string;
  /** whether this user may moderate this post's comments (moderators: all posts; authors: their own) */
  canModerate: boolean;
  postId: number;
  /** cached comments of this post: pending, spam when asked for, approved ones the cache holds */
  comments: InlineComment[];
  /** the article's approved comments and pings on WordPress when the cache holds fewer (else null) */
  approvedTotals: ArticleTotals | null;
  /** how long a decision waits before it is sent (it can be undone for free until then) */
  undoWindowMs: number;
  /** "block this commenter" (ADR 030): whether it can work here, and where the Bridge is uploaded */
  blocking?: { availability: BlockAvailability; installUrl: string };
}

/** Sent by the background to the tabs of a site when its cached comments or decisions changed. */
export const changedMessageType = 'freigabe:changed';
