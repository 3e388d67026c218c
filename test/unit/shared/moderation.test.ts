/**
 * The moderation vocabulary as tables: what each decision does to each status and how it is taken
 * back, what a comment offers by status and role, which key means what. Every surface reads these
 * (test/unit/moderation-surfaces.test.ts checks that they do).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { contentRequestSchema } from '../../../src/shared/message-schemas.ts';
import {
  type CommentStatus,
  commentStatuses,
  decisionForKey,
  decisions,
  decisionsFor,
  keyOf,
  mayModerate,
  moderationKeys,
  requestedDecisions,
  reverseOf,
  statusActionForKey,
  statusActions,
  statusActionsFor,
  statusAfter,
  textDecisions,
  textKeys,
} from '../../../src/shared/moderation.ts';

describe('what a decision does to a status', () => {
  // rows: decision; columns: hold, approved, spam, trash
  const after: Record<(typeof decisions)[number], [string, string, string, string]> = {
    approve: ['approved', 'approved', 'approved', 'approved'],
    unapprove: ['hold', 'hold', 'hold', 'hold'],
    spam: ['spam', 'spam', 'spam', 'spam'],
    unspam: ['hold', 'approved', 'hold', 'hold'],
    trash: ['trash', 'trash', 'trash', 'trash'],
    untrash: ['hold', 'approved', 'hold', 'hold'],
    delete: ['deleted', 'deleted', 'deleted', 'deleted'],
    edit: ['hold', 'approved', 'spam', 'trash'],
    reply: ['hold', 'approved', 'spam', 'trash'],
  };
  it.each(decisions)('%s', (decision) => {
    expect(commentStatuses.map((status) => statusAfter(decision, status))).toEqual(after[decision]);
  });

  it('every offered status action is taken back by its reverse (delete, edit and reply by other means)', () => {
    for (const status of commentStatuses) {
      for (const action of statusActionsFor(status)) {
        const reverse = reverseOf(action, status);
        if (action === 'delete') {
          expect(reverse).toBeNull();
          continue;
        }
        expect(reverse, `${action} on ${status}`).not.toBeNull();
        // unspam/untrash land on "hold": WordPress restores what the comment was before, pending as a rule.
        expect(statusAfter(reverse as NonNullable<typeof reverse>, statusAfter(action, status))).toBe(
          status === 'approved' && (action === 'spam' || action === 'trash') ? 'hold' : status,
        );
      }
    }
    expect(reverseOf('edit', 'hold')).toBeNull();
    expect(reverseOf('reply', 'approved')).toBeNull();
  });
});

describe('what a comment offers', () => {
  const offers: Record<CommentStatus, string[]> = {
    hold: ['approve', 'approveAndReply', 'spam', 'trash', 'edit', 'reply'],
    approved: ['unapprove', 'spam', 'trash', 'edit', 'reply'],
    spam: ['unspam', 'delete'],
    trash: ['untrash', 'spam', 'delete'],
  };
  it.each(commentStatuses)('a moderator, on a %s comment', (status) => {
    expect(decisionsFor(status, true)).toEqual(offers[status]);
  });

  it('nothing to a user who may not moderate, nor for a status nobody moderates', () => {
    for (const status of commentStatuses) expect(decisionsFor(status, false)).toEqual([]);
    expect(decisionsFor('deleted', true)).toEqual([]);
    expect(decisionsFor('post-trashed', true)).toEqual([]);
    expect(decisionsFor('constructor', true)).toEqual([]);
    expect(decisionForKey('a', 'toString')).toBeNull();
  });

  it('an author moderates on their own posts only (WordPress maps edit_comment to edit_post)', () => {
    expect(mayModerate('moderator', false)).toBe(true);
    expect(mayModerate('author', true)).toBe(true);
    expect(mayModerate('author', false)).toBe(false);
  });
});

describe('which key means what', () => {
  // wp-admin's keys (vim-a, vim-u, vim-s, vim-d, vim-z); `u` and `s` restore and `a` approves too (ADR 018).
  const keys: Record<CommentStatus, Record<string, string | null>> = {
    hold: { a: 'approve', u: null, s: 'spam', d: 'trash', z: null, r: 'reply', q: 'approveAndReply', e: 'edit' },
    approved: { a: null, u: 'unapprove', s: 'spam', d: 'trash', z: null, r: 'reply', q: null, e: 'edit' },
    spam: { a: 'approve', u: 'unspam', s: 'unspam', d: 'delete', z: 'unspam', r: null, q: null, e: null },
    trash: { a: 'approve', u: 'untrash', s: 'spam', d: 'delete', z: 'untrash', r: null, q: null, e: null },
  };
  it.each(commentStatuses)('on a %s comment', (status) => {
    const got = Object.fromEntries(Object.keys(keys[status]).map((key) => [key, decisionForKey(key, status)]));
    expect(got).toEqual(keys[status]);
  });

  it('a button shows a key that means that button on its status', () => {
    for (const status of commentStatuses)
      for (const decision of decisionsFor(status, true)) {
        const key = keyOf(decision);
        expect(key, decision).not.toBeNull();
        expect(decisionForKey(key as string, status), `${decision} on ${status}`).toBe(decision);
      }
  });

  it('moderation keys mean status actions; text keys open a text box', () => {
    for (const status of commentStatuses)
      for (const key of moderationKeys) {
        const action = statusActionForKey(key, status);
        if (action) expect(statusActions).toContain(action);
      }
    expect(Object.keys(textKeys).sort()).toEqual([...textDecisions].sort());
  });
});

describe('the message schemas take the same words', () => {
  const decide = (decision: string) =>
    v.safeParse(contentRequestSchema, { type: 'decideInline', commentIds: [3], decision }).success;
  it('every decision a surface may ask for, and nothing else', () => {
    for (const decision of requestedDecisions) expect(decide(decision), decision).toBe(true);
    expect(decide('approveAll')).toBe(false);
    expect(decide('restore')).toBe(false);
  });
});
