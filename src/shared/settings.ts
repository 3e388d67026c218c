/**
 * The user's settings, in storage.local (nothing secret in them). Read through the schema, so a
 * missing or damaged value falls back to the default instead of breaking the extension.
 */
import * as v from 'valibot';
import type { Browser } from 'webextension-polyfill';

export const settingsSchema = v.object({
  /** how long a decision waits before it is sent, so it can be undone for free */
  undoWindowSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60)), 5),
  /** how often every site is synced in the background (Chrome allows alarms 30 s apart at best) */
  syncIntervalMinutes: v.optional(v.pipe(v.number(), v.minValue(0.5), v.maxValue(60)), 2),
  /** a system notification when a sync finds new pending comments (off unless the user turns it on) */
  notifyNewPending: v.optional(v.boolean(), false),
});

export type Settings = v.InferOutput<typeof settingsSchema>;
export const settingsKey = 'settings';
export const defaultSettings: Settings = v.parse(settingsSchema, {});

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

export async function readSettings(browser: Pick<Browser, 'storage'>): Promise<Settings> {
  const stored = await browser.storage.local.get(settingsKey);
  return parseSettings(stored[settingsKey]);
}

export async function saveSettings(browser: Pick<Browser, 'storage'>, changes: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await readSettings(browser)), ...changes });
  await browser.storage.local.set({ [settingsKey]: next });
  return next;
}
