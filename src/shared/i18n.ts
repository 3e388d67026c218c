/**
 * UI strings from _locales (browser.i18n), keyed by the English catalogue so typos fail to compile.
 *
 * A content script whose extension was updated or reloaded under the page loses its APIs
 * (`browser.i18n` is gone; reading it throws): what was said before is said again from memory, so
 * the page's last render still has its words and the view can say "reload the page" (ADR 026).
 */
import type catalogue from '../../public/_locales/en/messages.json';
import { browser } from './browser.ts';

export type MessageKey = keyof typeof catalogue;

/**
 * the messages resolved so far, by key and substitutions (bounded: counts and names vary). Also
 * what is said again while the extension is there: a page's catalogue does not change while it
 * lives, and each `getMessage` is a call into the extension's bindings (the popup's rows call `t`
 * a few times each on every render: 6 % of its CPU while a moderator decided 200 comments).
 */
const said = new Map<string, string>();
const saidLimit = 2000;
let language: string | null = null;

export function t(key: MessageKey, substitutions?: string[]): string {
  const id = substitutions ? `${key}\u0000${substitutions.join('\u0000')}` : key;
  const known = said.get(id);
  if (known !== undefined) return known;
  try {
    const message = browser.i18n.getMessage(key, substitutions) || key;
    if (said.size >= saidLimit) said.clear();
    said.set(id, message);
    return message;
  } catch {
    // The extension is gone under this page: the words it had, or the key.
    return said.get(id) ?? key;
  }
}

export function uiLanguage(): string {
  try {
    language = browser.i18n.getUILanguage?.() ?? 'en';
  } catch {
    // The extension is gone under this page: the language it had.
  }
  return language ?? 'en';
}
