/** Dates and numbers in the UI language. Formatters are costly to make and rows re-render often: both are kept. */
import { uiLanguage } from '../shared/i18n.ts';

let dateTime: Intl.DateTimeFormat | null = null;
let timeOnly: Intl.DateTimeFormat | null = null;
let numbers: Intl.NumberFormat | null = null;
const formatted = new Map<number, string>();
let today = { start: 0, end: 0 };

export function formatDate(ms: number, now = Date.now()): string {
  if (now < today.start || now >= today.end) {
    const start = new Date(now);
    start.setHours(0, 0, 0, 0);
    const end = new Date(start);
    end.setDate(end.getDate() + 1);
    today = { start: start.getTime(), end: end.getTime() };
    formatted.clear();
  }
  const known = formatted.get(ms);
  if (known !== undefined) return known;
  let text: string;
  if (ms >= today.start && ms < today.end) {
    timeOnly ??= new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'short' });
    text = timeOnly.format(ms);
  } else {
    dateTime ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
    text = dateTime.format(ms);
  }
  if (formatted.size > 5000) formatted.clear();
  formatted.set(ms, text);
  return text;
}

export function formatNumber(value: number): string {
  numbers ??= new Intl.NumberFormat(uiLanguage());
  return numbers.format(value);
}
