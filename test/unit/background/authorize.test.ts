import { describe, expect, it } from 'vitest';
import { applicationName } from '../../../src/background/sites/authorize.ts';

describe('applicationName', () => {
  const now = Date.parse('2026-11-29T08:00:00Z');
  it('names the browser and the day, so the user recognises it in their WordPress profile', () => {
    expect(applicationName('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', now)).toMatch(
      /^Freigabe \(Firefox, 2026-11-29, [0-9a-f]{4}\)$/,
    );
    expect(
      applicationName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36', now),
    ).toMatch(/^Freigabe \(Chrome, /);
  });

  it('is different every time (WordPress refuses a second password with the same name)', () => {
    const names = new Set(Array.from({ length: 20 }, () => applicationName('Chrome/156', now)));
    expect(names.size).toBeGreaterThan(15);
  });
});
