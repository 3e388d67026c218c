/** The popup's keyboard shortcuts, here too (the popup shows them with `?`). */
import { t } from '../shared/i18n.ts';
import { KeyboardHelp } from '../shared/ui/KeyboardHelp.tsx';

export function KeyboardSection() {
  return (
    <section aria-labelledby="keyboard-heading" class="keyboard keyboard-only">
      <h2 id="keyboard-heading">{t('optionsKeyboard')}</h2>
      <p class="muted">{t('optionsKeyboardIntro')}</p>
      <KeyboardHelp />
    </section>
  );
}
