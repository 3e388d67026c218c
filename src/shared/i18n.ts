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

/** the messages resolved so far, by key and substitutions (bounded: counts and names vary) */
const said = new Map<string, string>();
const saidLimit = 2000;
let language: string | null = null;

export function t(key: MessageKey, substitutions?: string[]): string {
  const id = substitutions ? `${key}\u0000${substitutions.join('\u0000')}` : key;
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
