/**
 * The user's settings, in the extension's IndexedDB. Not in storage.local: every content script may
 * write that, in Chrome and Firefox alike (`setAccessLevel` guards only storage.session), and a
 * compromised one must not shorten the undo window or stop the sync. Read through the schema, so a
 * missing or damaged value falls back to the default instead of breaking the extension.
 */
import * as v from 'valibot';
import type { Browser } from 'webextension-polyfill';
import type { FreigabeDb } from './db/index.ts';

export const settingsSchema = v.object({
  /** how long a decision waits before it is sent, so it can be undone for free */
  undoWindowSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60)), 5),
  /** how often every site is synced in the background (Chrome allows alarms 30 s apart at best) */
  syncIntervalMinutes: v.optional(v.pipe(v.number(), v.minValue(0.5), v.maxValue(60)), 2),
  /** a system notification when a sync finds new pending comments (off unless the user turns it on) */
  notifyNewPending: v.optional(v.boolean(), false),
  /** what the toolbar button opens: the popup, or the queue as a side panel that stays open (ADR 024) */
  queueOpensIn: v.optional(v.picklist(['popup', 'panel']), 'popup'),
  /** the toolbar badge also counts comments awaiting the user's reply ("Unreplied", ADR 028) */
  countUnrepliedOnBadge: v.optional(v.boolean(), false),
});

export type Settings = v.InferOutput<typeof settingsSchema>;
export const settingsKey = 'settings';
export const defaultSettings: Settings = v.parse(settingsSchema, {});

type SettingsDb = Pick<FreigabeDb, 'settings' | 'transaction'>;

/** Valid fields are kept, invalid ones replaced by their defaults. */
export function parseSettings(stored: unknown): Settings {
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    const field = v.safeParse(settingsSchema.entries[key], input[key]);
    if (field.success) settings[key] = field.output;
  }
  return settings as Settings;
}

export async function readSettings(db: SettingsDb): Promise<Settings> {
  return parseSettings((await db.settings.get(settingsKey))?.value);
}

export async function saveSettings(db: SettingsDb, changes: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = parseSettings({ ...(await readSettings(db)), ...changes });
    await db.settings.put({ key: settingsKey, value: next });
    return next;
  });
}

/**
 * Settings saved by an earlier version in storage.local move into the database once (run by the
 * background when it starts); storage.local is never read for them again, so what a content script
 * writes there later changes nothing.
 */
export async function moveSettingsOutOfStorageLocal(db: SettingsDb, browser: Pick<Browser, 'storage'>): Promise<void> {
  const stored = (await browser.storage.local.get(settingsKey))[settingsKey];
  if (stored === undefined) return;
  await db.transaction('rw', db.settings, async () => {
    if ((await db.settings.get(settingsKey)) === undefined) {
      await db.settings.put({ key: settingsKey, value: parseSettings(stored) });
    }
  });
  await browser.storage.local.remove(settingsKey);
}
