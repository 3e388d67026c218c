/** A site's status line: connected (and when it last synced), syncing, needs login, offline, blocked, error. */
import type { SiteRow } from '../db/index.ts';
import { type MessageKey, t, uiLanguage } from '../i18n.ts';

const statusKeys: Record<SiteRow['status'], MessageKey> = {
  connected: 'statusConnected',
  syncing: 'statusSyncing',
  'needs-login': 'statusNeedsLogin',
  offline: 'statusOffline',
  blocked: 'statusBlocked',
  error: 'statusError',
};

let timeFormat: Intl.DateTimeFormat | null = null;

export function SiteStatus({ site }: { site: SiteRow }) {
  timeFormat ??= new Intl.DateTimeFormat(uiLanguage(), { timeStyle: 'short' });
  const synced = site.lastSyncAt === null ? null : timeFormat.format(site.lastSyncAt);
  return (
    <div class={`site-status status-${site.status}`}>
      <span class="site-status-label">
        {t(statusKeys[site.status])}
        {synced && site.status === 'connected' && ` · ${t('lastSynced', [synced])}`}
      </span>
      {site.statusMessage && site.status !== 'connected' && <span class="site-message">{site.statusMessage}</span>}
    </div>
  );
}

/**
 * The same as one line in a list of sites (the popup's header). A site that could not be reached
 * (or was blocked by its firewall) offers to try again; one whose sign-in ended offers to sign in again.
 */
export function SiteStatusLine({
  site,
  onRetry,
  onSignIn,
}: {
  site: SiteRow;
  onRetry?: (siteId: string) => void;
  onSignIn?: (siteId: string) => void;
}) {
  const canRetry = site.status === 'error' || site.status === 'offline' || site.status === 'blocked';
  return (
    <li class="site" data-site-id={site.id}>
      <span class="site-name">{site.name}</span>
      <SiteStatus site={site} />
      {canRetry && onRetry && (
        <button type="button" class="link" data-action="retry-sync" onClick={() => onRetry(site.id)}>
          {t('retry')}
        </button>
      )}
      {site.status === 'needs-login' && onSignIn && (
        <button type="button" class="link" data-action="sign-in" onClick={() => onSignIn(site.id)}>
          {t('signInAgain')}
        </button>
      )}
    </li>
  );
}
