import { browser } from '../shared/browser.ts';
import type { FreigabeDb } from '../shared/db/index.ts';
import { t } from '../shared/i18n.ts';
import { SiteStatusLine } from '../shared/ui/SiteStatus.tsx';
import { useLiveQuery } from '../shared/ui/use-live-query.ts';
import { ConnectBanner } from './ConnectBanner.tsx';
import { QueueList } from './QueueList.tsx';
import { readPendingQueue } from './queue.ts';

export function App({ db, tabId }: { db: FreigabeDb; tabId: number | null }) {
  const queue = useLiveQuery(() => readPendingQueue(db), [db]);
  return (
    <main class="popup" aria-busy={queue.state === 'loading'}>
      <header class="popup-header">
        <h1>{t('popupHeading')}</h1>
        {queue.state === 'ready' && queue.value.items.length > 0 && (
          <span class="count" title={t('popupPendingCount', [String(queue.value.items.length)])}>
            <span aria-hidden="true">{queue.value.items.length}</span>
            <span class="visually-hidden">{t('popupPendingCount', [String(queue.value.items.length)])}</span>
          </span>
        )}
      </header>
      {tabId !== null && <ConnectBanner tabId={tabId} />}
      {queue.state === 'error' && <p class="notice error">{queue.error.message}</p>}
      {queue.state === 'ready' && (
        <>
          <ul class="sites" aria-label={t('popupSites')}>
            {queue.value.sites.map((site) => (
              <SiteStatusLine key={site.id} site={site} />
            ))}
          </ul>
          {queue.value.sites.length === 0 ? (
            <div class="empty">
              <p>{t('popupNoSites')}</p>
              <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
                {t('popupOpenOptions')}
              </button>
            </div>
          ) : queue.value.items.length === 0 ? (
            <p class="empty">{t('popupInboxZero')}</p>
          ) : (
            <QueueList items={queue.value.items} showSite={queue.value.sites.length > 1} />
          )}
        </>
      )}
    </main>
  );
}
