import type { SiteRow } from '../shared/db/index.ts';
import { type MessageKey, t, uiLanguage } from '../shared/i18n.ts';

const statusKeys: Record<SiteRow['status'], MessageKey> = {
  connected: 'statusConnected',
  syncing: 'statusSyncing',
  'needs-login': 'statusNeedsLogin',
  offline: 'statusOffline',
  error: 'statusError',
};

export function SiteStatusLine({ site }: { site: SiteRow }) {
  const synced =
    site.lastSyncAt === null
      ? null
      : new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'short' }).format(site.lastSyncAt);
  return (
    <li class={`site status-${site.status}`}>
      <span class="site-name">{site.name}</span>
      <span class="site-status">
        {t(statusKeys[site.status])}
        {synced && site.status === 'connected' && ` · ${t('lastSynced', [synced])}`}
      </span>
      {site.statusMessage && site.status !== 'connected' && <span class="site-message">{site.statusMessage}</span>}
    </li>
  );
}
