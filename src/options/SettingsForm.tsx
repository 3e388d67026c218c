/**
 * The undo window, the background sync interval, the optional notification of new pending
 * comments and whether the toolbar button opens the queue as a popup or a side panel. Saved as soon as they change. Turning notifications on asks the browser for the
 * optional `notifications` permission first — browsers show that prompt only during a user's
 * click, so it is the first thing the click handler does.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import type { FreigabeDb } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { hasQueuePanel } from '../shared/queue-panel.ts';
import { readSettings, type Settings, saveSettings } from '../shared/settings.ts';

/** The stored settings; notifications count as off when the browser's permission was taken back. */
async function shownSettings(db: FreigabeDb): Promise<Settings> {
  const settings = await readSettings(db);
  if (settings.notifyNewPending && !(await browser.permissions.contains({ permissions: ['notifications'] }))) {
    return saveSettings(db, { notifyNewPending: false });
  }
  return settings;
}

const undoChoices = [0, 3, 5, 10, 20, 30];
const syncChoices = [0.5, 1, 2, 5, 10, 30];

/** The choices, with the stored value among them when it is not one (set by an older version or a test). */
function withCurrent(choices: number[], current: number): number[] {
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}

export function SettingsForm({ db }: { db: FreigabeDb }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    void shownSettings(db).then(setSettings);
  }, [db]);
  if (!settings) return null;

  async function change(changes: Partial<Settings>) {
    setSettings(await saveSettings(db, changes));
    setSaved(true);
  }

  async function toggleNotifications(checkbox: HTMLInputElement) {
    const wanted = checkbox.checked;
    const notifications = { permissions: ['notifications' as const] };
    const allowed = wanted ? await browser.permissions.request(notifications) : false;
    if (!wanted) await browser.permissions.remove(notifications);
    // Refused: the box goes back to unchecked (the state did not change, so set the element).
    checkbox.checked = allowed;
    setDenied(wanted && !allowed);
    await change({ notifyNewPending: allowed });
  }

  return (
    <section aria-labelledby="settings-heading" class="settings">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <label class="field">
        {t('settingsUndoWindow')}
        <select
          name="undoWindowSeconds"
          value={String(settings.undoWindowSeconds)}
          onChange={(event) =>
            void change({ undoWindowSeconds: Number((event.currentTarget as HTMLSelectElement).value) })
          }
        >
          {withCurrent(undoChoices, settings.undoWindowSeconds).map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {t('secondsChoice', [String(seconds)])}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">{t('settingsUndoHelp')}</p>
      <label class="field">
        {t('settingsSyncInterval')}
        <select
          name="syncIntervalMinutes"
          value={String(settings.syncIntervalMinutes)}
          onChange={(event) =>
            void change({ syncIntervalMinutes: Number((event.currentTarget as HTMLSelectElement).value) })
          }
        >
          {withCurrent(syncChoices, settings.syncIntervalMinutes).map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {minutes < 1 ? t('secondsChoice', [String(minutes * 60)]) : t('minutesChoice', [String(minutes)])}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="notifyNewPending"
          checked={settings.notifyNewPending}
          onClick={(event) => void toggleNotifications(event.currentTarget)}
        />
        {t('settingsNotifyNewPending')}
      </label>
      <p class="muted">{t('settingsNotifyHelp')}</p>
      <label class="check">
        <input
          type="checkbox"
          name="countUnrepliedOnBadge"
          checked={settings.countUnrepliedOnBadge}
          onChange={(event) => void change({ countUnrepliedOnBadge: event.currentTarget.checked })}
        />
        {t('settingsCountUnreplied')}
      </label>
      {hasQueuePanel(browser) && (
        <fieldset class="choice">
          <legend>{t('settingsQueueOpensIn')}</legend>
          {(['popup', 'panel'] as const).map((frame) => (
            <label class="check" key={frame}>
              <input
                type="radio"
                name="queueOpensIn"
                value={frame}
                checked={settings.queueOpensIn === frame}
                onChange={() => void change({ queueOpensIn: frame })}
              />
              {t(frame === 'popup' ? 'settingsQueueInPopup' : 'settingsQueueInPanel')}
            </label>
          ))}
        </fieldset>
      )}
      {hasQueuePanel(browser) && <p class="muted">{t('settingsQueueHelp')}</p>}
      <p class="settings-saved" role="status" aria-live="polite">
        {denied ? t('settingsNotifyDenied') : saved ? t('settingsSaved') : ''}
      </p>
    </section>
  );
}
