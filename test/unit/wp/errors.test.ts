import { describe, expect, it } from 'vitest';
import { classifyHttpError, parseRetryAfter } from '../../../src/shared/wp/errors.ts';

describe('classifyHttpError', () => {
  it.each([
    [401, 'rest_not_logged_in', 'auth'],
    [401, 'rest_forbidden_param', 'auth'],
    [403, 'rest_cookie_invalid_nonce', 'auth'],
    [403, 'rest_cannot_edit', 'forbidden'],
    [403, 'rest_forbidden_context', 'forbidden'],
    [403, 'rest_comment_closed', 'forbidden'],
    [400, 'rest_invalid_param', 'terminal'],
    [400, 'comment_flood', 'terminal'],
    [404, 'rest_comment_invalid_id', 'terminal'],
    [409, 'comment_duplicate', 'terminal'],
    [410, 'rest_already_trashed', 'terminal'],
    [501, 'rest_trash_not_supported', 'terminal'],
    [500, 'rest_comment_failed_edit', 'conflict'],
    [500, null, 'retryable'],
    [502, null, 'retryable'],
    [503, null, 'retryable'],
    [408, null, 'retryable'],
    [429, null, 'retryable'],
  ] as const)('HTTP %i %s → %s', (status, code, kind) => {
    expect(classifyHttpError(status, code)).toBe(kind);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');
  it('reads seconds', () => expect(parseRetryAfter('120', now)).toBe(120_000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30_000));
  it('never goes negative', () => expect(parseRetryAfter('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0));
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
