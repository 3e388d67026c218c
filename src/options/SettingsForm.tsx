/** The undo window and the background sync interval. Saved as soon as they change. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { readSettings, type Settings, saveSettings } from '../shared/settings.ts';

const undoChoices = [0, 3, 5, 10, 20, 30];
const syncChoices = [0.5, 1, 2, 5, 10, 30];

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void readSettings(browser).then(setSettings);
  }, []);
  if (!settings) return null;

  async function change(changes: Partial<Settings>) {
    setSettings(await saveSettings(browser, changes));
    setSaved(true);
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
          {undoChoices.map((seconds) => (
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
          {syncChoices.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {minutes < 1 ? t('secondsChoice', [String(minutes * 60)]) : t('minutesChoice', [String(minutes)])}
            </option>
          ))}
        </select>
      </label>
      <p class="settings-saved" role="status" aria-live="polite">
        {saved ? t('settingsSaved') : ''}
      </p>
    </section>
  );
}
