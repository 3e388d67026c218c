/** UI strings from _locales (browser.i18n), keyed by the English catalogue so typos fail to compile. */
import type catalogue from '../../public/_locales/en/messages.json';
import { browser } from './browser.ts';

export type MessageKey = keyof typeof catalogue;

export function t(key: MessageKey, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() ?? 'en';
}
