/** The list of keyboard shortcuts (popup help overlay, options page). */
import { t } from '../i18n.ts';
import { shortcuts } from './shortcuts.ts';

export function KeyboardHelp() {
  return (
    <dl class="keyboard-help">
      {shortcuts.map((shortcut) => (
        <div key={shortcut.label} class="shortcut">
          <dt>
            {shortcut.keys.map((key, index) => (
              <span key={key}>
                {index > 0 && ' '}
                <kbd>{key}</kbd>
              </span>
            ))}
          </dt>
          <dd>{t(shortcut.label)}</dd>
        </div>
      ))}
    </dl>
  );
}
