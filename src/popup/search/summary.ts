/** What the server search status line (and the screen reader) says, in plain words. */
import type { SiteRow } from '../../shared/db/index.ts';
import { type MessageKey, t } from '../../shared/i18n.ts';
import type { ServerSearchSite } from '../../shared/messages.ts';
import { formatNumber } from '../format.ts';
import type { ServerSearch } from './search-state.ts';

type Failure = Extract<ServerSearchSite, { outcome: 'failed' }>;

const failureKeys: Record<Failure['reason'], MessageKey> = {
  offline: 'serverSearchOffline',
  'needs-login': 'serverSearchNeedsLogin',
  forbidden: 'serverSearchForbidden',
  invalid: 'serverSearchInvalid',
  error: 'serverSearchError',
};

export interface SearchLine {
  text: string;
  problem: boolean;
}

function siteLine(site: ServerSearchSite, name: string): SearchLine {
  if (site.outcome === 'not-allowed') return { text: t('serverSearchAuthor', [name]), problem: false };
  if (site.outcome === 'failed') {
    // WordPress's own words only where there are no plainer ones.
    const words = site.reason === 'error' ? [name, site.message] : [name];
    return { text: t(failureKeys[site.reason], words), problem: true };
  }
  const found = site.added === 0 ? t('serverFoundNone', [name]) : t('serverFound', [formatNumber(site.added), name]);
  const more =
    site.total > site.received
      ? ` ${t('serverFirstOnly', [formatNumber(site.received), formatNumber(site.total)])}`
      : '';
  return { text: `${found}${more}`, problem: false };
}

/** One line per site searched (none while idle); `canRetry` when something failed. */
export function searchSummary(
  search: ServerSearch,
  sites: ReadonlyMap<string, SiteRow>,
): { lines: SearchLine[]; canRetry: boolean } {
  if (search.state === 'idle') return { lines: [], canRetry: false };
  if (search.state === 'searching') return { lines: [{ text: t('serverSearching'), problem: false }], canRetry: false };
  if (search.state === 'failed') {
    return { lines: [{ text: t('serverSearchFailed', [search.message]), problem: true }], canRetry: true };
  }
  const lines = search.result.sites.map((site) => siteLine(site, sites.get(site.siteId)?.name ?? site.siteId));
  return { lines, canRetry: lines.some((line) => line.problem) };
}
