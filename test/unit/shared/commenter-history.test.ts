/** When WordPress is asked again about a commenter, and under which address. */
import { describe, expect, it } from 'vitest';
import { historyDue, historyEmail, historyFreshForMs } from '../../../src/shared/commenter-history.ts';

describe('commenter history', () => {
  it('asks under the address as the email reputation key has it, and not without one', () => {
    expect(historyEmail({ authorEmail: ' Ada.Stamm@Example.ORG ' })).toBe('ada.stamm@example.org');
    expect(historyEmail({ authorEmail: '' })).toBeNull();
    expect(historyEmail({ authorEmail: '   ' })).toBeNull();
    expect(historyEmail({ authorEmail: null })).toBeNull();
  });

  it('is due when never asked or when its time has come', () => {
    const now = 10 * historyFreshForMs;
    expect(historyDue(undefined, now)).toBe(true);
    expect(historyDue(null, now)).toBe(true);
    expect(historyDue({ nextCheckAt: now + 1 }, now)).toBe(false);
    expect(historyDue({ nextCheckAt: now + historyFreshForMs }, now)).toBe(false);
    expect(historyDue({ nextCheckAt: now }, now)).toBe(true);
    expect(historyDue({ nextCheckAt: now - 1 }, now)).toBe(true);
  });

  it('is due when the clock went back further than an answer stays fresh', () => {
    const now = 10 * historyFreshForMs;
    expect(historyDue({ nextCheckAt: now + historyFreshForMs + 1 }, now)).toBe(true);
  });
});
