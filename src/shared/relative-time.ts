/**
 * "3 days ago" / "vor 3 Tagen" in the UI language, for when something happened (Akismet's verdict).
 * The clock is passed in; the formatter is made once per language.
 */
import { uiLanguage } from './i18n.ts';

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

const formatters = new Map<string, Intl.RelativeTimeFormat>();

export function formatRelative(thenMs: number, nowMs: number, language = uiLanguage()): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    formatters.set(language, formatter);
  }
  // A clock a little ahead of ours says "now", not "in 2 seconds".
  let amount = Math.max(0, nowMs - thenMs) / 1000;
  for (const [unit, size] of steps) {
    if (amount < size) return formatter.format(-Math.floor(amount), unit);
    amount /= size;
  }
  return formatter.format(-Math.floor(amount), 'year');
}
