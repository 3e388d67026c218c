/**
 * Akismet's verdict line, table by table: which of Akismet's events say what (class.akismet.php,
 * class.akismet-admin.php's History box), the field as the Bridge sends it and as it must not be
 * trusted, "3 days ago" in English and German, and the queue page's address that opens a history.
 */
import { describe, expect, it } from 'vitest';
import { historyPageUrl } from '../../../src/background/inline/open-history.ts';
import { historyFromQuery } from '../../../src/popup/history/from-query.ts';
import { commentKey } from '../../../src/popup/queue/views.ts';
import { type AkismetVerdict, akismetLine, akismetLineParts, akismetWarns } from '../../../src/shared/akismet.ts';
import { isolate } from '../../../src/shared/bidi.ts';
import { formatRelative } from '../../../src/shared/relative-time.ts';
import { akismetOf } from '../../../src/shared/wp/akismet-field.ts';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 6, 22, 0, 0);
const at = (daysAgo: number) => now - daysAgo * day;
const verdict = (result: AkismetVerdict['result'], ...history: [number, string, string?][]): AkismetVerdict => ({
  result,
  history: history.map(([daysAgo, event, user]) => ({ time: at(daysAgo), event, user: user ?? null })),
});
const line = (of: AkismetVerdict) => akismetLine(of, (time) => formatRelative(time, now, 'en'));

describe('the Akismet line', () => {
  it.each([
    [
      'caught, then reported not spam by a moderator',
      verdict('spam', [3, 'check-spam'], [1, 'report-ham', 'redaktion'], [1, 'status-approved', 'redaktion']),
      `Akismet: spam · caught 3 days ago · reported not spam by ${isolate('redaktion')}`,
    ],
    ['caught, nobody reported it', verdict('spam', [0, 'check-spam']), 'Akismet: spam · caught now'],
    ['cleared', verdict('ham', [2, 'check-ham']), 'Akismet: not spam · cleared 2 days ago'],
    ['cleared provisionally', verdict('ham', [1, 'check-ham-pending']), 'Akismet: not spam · cleared yesterday'],
    [
      'caught on a cron retry',
      verdict('spam', [5, 'check-error'], [4, 'cron-retry-spam']),
      'Akismet: spam · caught 4 days ago',
    ],
    [
      'not reachable yet',
      verdict('error', [0.5, 'check-error']),
      'Akismet: not checked yet · check failed 12 hours ago',
    ],
    [
      'skipped (the disallowed list)',
      verdict('skipped', [1, 'wp-disallowed'], [1, 'akismet-skipped-disallowed']),
      'Akismet: not checked',
    ],
    [
      'cleared, reported spam without a login (an old Akismet)',
      verdict('ham', [40, 'check-ham'], [35, 'report-spam']),
      'Akismet: not spam · cleared last month · reported spam',
    ],
    [
      'the latest report counts',
      verdict('spam', [9, 'check-spam'], [8, 'report-ham', 'anna'], [7, 'report-spam', 'ben']),
      `Akismet: spam · caught 9 days ago · reported spam by ${isolate('ben')}`,
    ],
    [
      'only history, no verdict',
      verdict(null, [400, 'report-spam', 'anna']),
      `Akismet · reported spam by ${isolate('anna')}`,
    ],
    ['nothing but a status change', verdict('ham', [1, 'status-approved', 'anna']), 'Akismet: not spam'],
  ])('%s', (_, of, expected) => {
    expect(line(of)).toBe(expected);
  });

  it('names its parts by message key, so German says the same', () => {
    expect(akismetLineParts(verdict('spam', [3, 'check-spam'], [1, 'report-ham', 'redaktion']), () => 'x')).toEqual([
      { key: 'akismetSpam' },
      { key: 'akismetCaught', substitutions: ['x'] },
      { key: 'akismetReportedHamBy', substitutions: [isolate('redaktion')] },
    ]);
  });
});

describe('when the line warns', () => {
  it.each([
    ['caught, nobody reported it', verdict('spam', [1, 'check-spam']), true],
    ['caught, reported not spam since', verdict('spam', [2, 'check-spam'], [1, 'report-ham', 'anna']), false],
    ['reported not spam, then spam again', verdict('spam', [3, 'report-ham', 'anna'], [1, 'report-spam', 'ben']), true],
    ['cleared', verdict('ham', [1, 'check-ham']), false],
    ['cleared, reported spam', verdict('ham', [2, 'check-ham'], [1, 'report-spam', 'ben']), false],
    ['not checked yet', verdict('error', [1, 'check-error']), false],
  ])('%s: %s', (_, of, warns) => {
    expect(akismetWarns(of)).toBe(warns);
  });
});

describe('relative time', () => {
  it.each([
    [0, 'en', 'now'],
    [-5_000, 'en', 'now'],
    [45_000, 'en', '45 seconds ago'],
    [3 * 60_000, 'en', '3 minutes ago'],
    [3 * day, 'en', '3 days ago'],
    [3 * day, 'de', 'vor 3 Tagen'],
    [day, 'de', 'gestern'],
    [65 * day, 'en', '2 months ago'],
    [800 * day, 'de', 'vor 2 Jahren'],
  ])('%i ms ago in %s: %s', (ago, language, expected) => {
    expect(formatRelative(now - ago, now, language)).toBe(expected);
  });
});

describe('the Bridge’s field', () => {
  it('reads result and history, seconds into milliseconds', () => {
    expect(
      akismetOf({
        result: 'spam',
        history: [
          { time: 1765000000.123456, event: 'check-spam', user: null },
          { time: 1765000100, event: 'report-ham', user: 'redaktion' },
        ],
      }),
    ).toEqual({
      result: 'spam',
      history: [
        { time: 1765000000123, event: 'check-spam', user: null },
        { time: 1765000100000, event: 'report-ham', user: 'redaktion' },
      ],
    });
  });

  it.each([
    ['absent (no Bridge, an author)', undefined],
    ['null (Akismet has nothing)', null],
    ['an unknown result', { result: 'maybe', history: [] }],
    ['a history that is not a list', { result: 'spam', history: 'check-spam' }],
    ['a time that is not a number', { result: 'spam', history: [{ time: 'soon', event: 'check-spam', user: null }] }],
    ['an overlong login', { result: 'ham', history: [{ time: 1, event: 'report-ham', user: 'x'.repeat(61) }] }],
    [
      'too many events',
      { result: 'ham', history: Array.from({ length: 51 }, () => ({ time: 1, event: 'x', user: null })) },
    ],
  ])('costs only the line when %s', (_, field) => {
    expect(akismetOf(field)).toBeNull();
  });
});

describe('the queue opened for a history', () => {
  it('names the comment and the commenter, and the article’s tab', () => {
    const siteId = 'https://blog.example/wp-json/';
    const url = historyPageUrl('chrome-extension://abc/src/popup/index.html', siteId, 42, 'Ada & Co', 7);
    const { search } = new URL(url);
    expect(new URLSearchParams(search).get('tab')).toBe('7');
    expect(historyFromQuery(search)).toEqual({ key: commentKey({ siteId, id: 42 }), author: 'Ada & Co' });
  });

  it.each([
    ['nothing asked', '?tab=7'],
    ['no site', '?historyComment=42'],
    ['no number', '?historySite=x&historyComment=abc'],
    ['not a whole number', '?historySite=x&historyComment=4.2'],
  ])('opens none when %s', (_, search) => {
    expect(historyFromQuery(search)).toBeNull();
  });
});
