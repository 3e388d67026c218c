/**
 * The open decisions by comment, read again every 400 ms while decisions flow: a comment whose
 * decisions read the same keeps its array (its row does not render again); any change a row shows
 * gives a new one. Tried: each field a row shows or acts on, a decision more, undo rows.
 */
import { describe, expect, it } from 'vitest';
import { outboxByComment } from '../../../src/popup/outbox-by-comment.ts';
import type { OutboxRow } from '../../../src/shared/db/index.ts';
import { outboxRow } from '../../support/popup-harness.ts';
import { testSiteId as siteId } from '../../support/rows.ts';

const row = (id: number, commentId: number, overrides: Partial<OutboxRow> = {}): OutboxRow =>
  outboxRow({ id, commentId, createdAt: 1000, notBefore: 5000, ...overrides });

const key = (commentId: number) => `${siteId}\n${commentId}`;

describe('open decisions by comment', () => {
  it('groups them by comment in outbox order, without the undos', () => {
    const byComment = outboxByComment([
      row(1, 7),
      row(2, 8),
      row(3, 7, { decision: 'spam' }),
      row(4, 8, { undoOf: 2 }),
    ]);
    expect(byComment.get(key(7))?.map((each) => each.id)).toEqual([1, 3]);
    expect(byComment.get(key(8))?.map((each) => each.id)).toEqual([2]);
  });

  it('keeps the array of a comment whose decisions read the same (new objects, as read again)', () => {
    const first = outboxByComment([row(1, 7), row(2, 8)]);
    const again = outboxByComment([row(1, 7), row(2, 8, { state: 'sending' })], first);
    expect(again.get(key(7))).toBe(first.get(key(7)));
    expect(again.get(key(8))).not.toBe(first.get(key(8)));
    expect(again.get(key(8))?.[0]?.state).toBe('sending');
  });

  it.each<[string, Partial<OutboxRow>]>([
    ['state', { state: 'failed' }],
    ['when it is sent', { notBefore: 9000 }],
    ['attempts', { attempts: 1 }],
    ['claimed', { claimedAt: 4000 }],
    ['answered', { sentAt: 6000 }],
    ['error kind', { error: { kind: 'http', code: null, message: 'x' } }],
    ['text', { content: 'Danke!' }],
    ['reply id', { resultId: 12 }],
    ['answered status', { resultStatus: 'approved' }],
  ])('gives a new array when the %s changes', (_what, change) => {
    const first = outboxByComment([row(1, 7)]);
    expect(outboxByComment([row(1, 7, change)], first).get(key(7))).not.toBe(first.get(key(7)));
  });

  it('gives a new array when a decision is added or one is done', () => {
    const first = outboxByComment([row(1, 7)]);
    expect(outboxByComment([row(1, 7), row(2, 7)], first).get(key(7))).toHaveLength(2);
    expect(outboxByComment([], first).has(key(7))).toBe(false);
  });

  it('gives a new array when only the error message changes', () => {
    const error = { kind: 'http', code: '500', message: 'Server error' };
    const first = outboxByComment([row(1, 7, { error })]);
    const again = outboxByComment([row(1, 7, { error: { ...error, message: 'Bad gateway' } })], first);
    expect(again.get(key(7))).not.toBe(first.get(key(7)));
  });
});
