/**
 * What the block form, the options page's list and the article's panel say when blocking cannot
 * work or a request failed: one table from the background's reply codes (background/blocklist/) to
 * the user's words, so every surface says it in both languages.
 */
import type { BlockAvailability } from '../blocklist.ts';
import { type MessageKey, t } from '../i18n.ts';
import { MessageError } from '../messages.ts';

/** Why blocking cannot work on a site. */
export const unavailableKeys: Record<Exclude<BlockAvailability, 'ready'>, MessageKey> = {
  'admin-only': 'blockAdminOnly',
  'no-bridge': 'blockNoBridge',
  'old-bridge': 'blockOldBridge',
  'not-offered': 'blockNotOffered',
};

const errorKeys: Partial<Record<string, MessageKey>> = {
  blocklist_admin_only: unavailableKeys['admin-only'],
  blocklist_no_bridge: unavailableKeys['no-bridge'],
  blocklist_old_bridge: unavailableKeys['old-bridge'],
  blocklist_not_offered: unavailableKeys['not-offered'],
  blocklist_entry_too_short: 'blockWordTooShort',
  blocklist_entry_too_long: 'blockEntryTooLong',
  blocklist_entry_line_break: 'blockEntryLineBreak',
  blocklist_no_key: 'blockNoKey',
  blocklist_not_added: 'blockNotAdded',
};

/** A failed block request in the user's words; anything else as `failed` with the reason. */
export function blockErrorText(error: unknown, failed: MessageKey = 'blockFailed'): string {
  const key = error instanceof MessageError ? errorKeys[error.code] : undefined;
  return key ? t(key) : t(failed, [error instanceof Error ? error.message : String(error)]);
}
