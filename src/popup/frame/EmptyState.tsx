/** When there is nothing to list, say why and what to do. */
import { browser } from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import type { ViewName } from '../queue/views.ts';

export function NoSites() {
  return (
    <div class="empty no-sites">
      <p>{t('popupNoSites')}</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popupOpenOptions')}
      </button>
    </div>
  );
}

export function EmptyView({ view, filtered, onClear }: { view: ViewName; filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <div class="empty">
        <p>{t('emptyFiltered')}</p>
        <button type="button" class="secondary" onClick={onClear}>
          {t('clearFilters')}
        </button>
      </div>
    );
  }
  return (
    <div class="empty">
      <p class={view === 'hold' ? 'inbox-zero' : undefined}>{view === 'hold' ? t('popupInboxZero') : t('emptyView')}</p>
    </div>
  );
}
