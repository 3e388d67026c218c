/**
 * The one error reporter: the same error from the same place is printed and kept once per
 * interval (with a count); an extension that went away under the page is recognised and never
 * printed; silent reports are kept, not printed; only the last N are kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { createErrorReporter, isExtensionGone } from '../../../src/shared/report-error.ts';

function reporter({ intervalMs = 60_000, limit = 50 } = {}) {
  let clock = 1_000_000;
  const print = vi.fn();
  const keep = vi.fn();
  const errors = createErrorReporter({ now: () => clock, print, intervalMs, limit });
  errors.keepIn(keep);
  return { errors, print, keep, advance: (ms: number) => (clock += ms) };
}

describe('the error reporter', () => {
  it('prints and keeps the same error from the same place once per interval, counting the repeats', () => {
    const { errors, print, advance } = reporter();
    for (let i = 0; i < 5; i += 1) {
      errors.report(new Error('Failed to fetch'), { where: 'background: sync' });
      advance(1000);
    }
    expect(print).toHaveBeenCalledTimes(1);
    expect(errors.recent()).toEqual([
      expect.objectContaining({ where: 'background: sync', message: 'Failed to fetch', count: 5, kind: 'failure' }),
    ]);
    // After the interval, once more.
    advance(60_000);
    errors.report(new Error('Failed to fetch'), { where: 'background: sync' });
    expect(print).toHaveBeenCalledTimes(2);
    expect(errors.recent().map((report) => report.count)).toEqual([5, 1]);
  });

  it('tells places and messages apart: each is reported on its own', () => {
    const { errors, print } = reporter();
    errors.report(new Error('Failed to fetch'), { where: 'background: sync' });
    errors.report(new Error('Failed to fetch'), { where: 'background: flush' });
    errors.report(new Error('Quota exceeded'), { where: 'background: sync' });
    expect(print).toHaveBeenCalledTimes(3);
    expect(errors.recent()).toHaveLength(3);
  });

  it('knows an extension that went away under the page: classified, kept, never printed', () => {
    const { errors, print } = reporter();
    const invalidated = new Error('Extension context invalidated.');
    const noReceiver = new Error('Could not establish connection. Receiving end does not exist.');
    expect(isExtensionGone(invalidated)).toBe(true);
    expect(isExtensionGone(noReceiver)).toBe(true);
    expect(isExtensionGone(new Error('Failed to fetch'))).toBe(false);
    expect(isExtensionGone('Extension context invalidated.')).toBe(true);
    expect(errors.report(invalidated, { where: 'inline: decide' }).kind).toBe('extension-gone');
    expect(errors.report(noReceiver, { where: 'content: pageDetected' }).kind).toBe('extension-gone');
    expect(print).not.toHaveBeenCalled();
    expect(errors.recent()).toHaveLength(2);
  });

  it('keeps a silent report without printing it, with the error’s code', () => {
    const { errors, print, keep } = reporter();
    const error = Object.assign(new Error('Sorry, you are not allowed to edit this comment.'), {
      code: 'rest_cannot_edit',
    });
    errors.report(error, { where: 'popup: decide', silent: true });
    expect(print).not.toHaveBeenCalled();
    expect(errors.recent()).toEqual([expect.objectContaining({ code: 'rest_cannot_edit', where: 'popup: decide' })]);
    expect(keep).toHaveBeenLastCalledWith([expect.objectContaining({ code: 'rest_cannot_edit' })]);
  });

  it('keeps only the last N reports', () => {
    const { errors } = reporter({ limit: 3 });
    for (let i = 0; i < 5; i += 1) errors.report(new Error(`error ${i}`), { where: 'test' });
    expect(errors.recent().map((report) => report.message)).toEqual(['error 2', 'error 3', 'error 4']);
  });

  it('reports what is not an Error too, and survives a keeper that throws', () => {
    const { errors } = reporter();
    errors.keepIn(() => {
      throw new Error('storage is gone');
    });
    expect(errors.report('plain text', { where: 'test' }).message).toBe('plain text');
    expect(errors.report({ message: 'an object' }, { where: 'test' }).message).toBe('an object');
    expect(errors.report(undefined, { where: 'test' }).message).toBe('undefined');
  });
});
