/**
 * The UI's words outlive the extension under a page: once an update or reload took browser.i18n
 * away (reading it throws), what was said before is said again, and the language stays.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../src/shared/browser.ts';
import { t, uiLanguage } from '../../../src/shared/i18n.ts';

afterEach(() => vi.restoreAllMocks());

describe('words after the extension went away', () => {
  it('says again what it said before, with the same substitutions; the key for what it never said', () => {
    const before = t('inlineSummary', ['2', '0', '1']);
    const language = uiLanguage();
    expect(before).toBe('2 pending · 0 spam · 1 pingbacks');
    const gone = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'getMessage')");
    };
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(gone);
    vi.spyOn(browser.i18n, 'getUILanguage').mockImplementation(gone);
    expect(t('inlineSummary', ['2', '0', '1'])).toBe(before);
    expect(t('inlineSummary', ['3', '0', '1'])).toBe('inlineSummary');
    expect(uiLanguage()).toBe(language);
  });
});

describe('words said again', () => {
  it('asks the extension once per message and substitutions, and again for other substitutions', () => {
    const asked = vi.spyOn(browser.i18n, 'getMessage');
    const first = t('inlineSummary', ['7', '0', '1']);
    expect(t('inlineSummary', ['7', '0', '1'])).toBe(first);
    expect(asked).toHaveBeenCalledTimes(1);
    expect(t('inlineSummary', ['8', '0', '1'])).toBe('8 pending · 0 spam · 1 pingbacks');
    expect(asked).toHaveBeenCalledTimes(2);
  });
});
