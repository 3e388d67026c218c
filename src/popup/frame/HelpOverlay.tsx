/** `?`: the keyboard shortcuts. */
import { t } from '../../shared/i18n.ts';
import { KeyboardHelp } from '../../shared/ui/KeyboardHelp.tsx';
import { Dialog } from './Dialog.tsx';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label={t('helpHeading')} onClose={onClose} className="help">
      <h2>{t('helpHeading')}</h2>
      <KeyboardHelp />
      <button type="button" class="small" data-autofocus onClick={onClose}>
        {t('close')}
      </button>
    </Dialog>
  );
}
