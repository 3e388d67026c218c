/** Dates in the UI language (formatters are costly to make: one of each). */
import { uiLanguage } from '../shared/i18n.ts';

let dateTime: Intl.DateTimeFormat | null = null;
let timeOnly: Intl.DateTimeFormat | null = null;
let numbers: Intl.NumberFormat | null = null;

export function formatDate(ms: number, now = Date.now()): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  if (sameDay) {
    timeOnly ??= new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'short' });
    return timeOnly.format(ms);
  }
  dateTime ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(ms);
}

export function formatNumber(value: number): string {
  numbers ??= new Intl.NumberFormat(uiLanguage());
  return numbers.format(value);
}
