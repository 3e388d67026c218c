/**
 * The line under the search box about the server search: searching, what it found per site, or
 * what went wrong with a Retry. The comments found in the cache stay listed whatever it says. Not a
 * live region: the outcome is announced once through the popup's Announcer.
 */
import { useMemo } from 'preact/hooks';
import type { SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { pure } from '../../shared/ui/pure.ts';
import type { ServerSearch } from './search-state.ts';
import { searchSummary } from './summary.ts';

interface Props {
  search: ServerSearch;
  sites: ReadonlyMap<string, SiteRow>;
  onRetry: () => void;
}

function ServerSearchStatusView({ search, sites, onRetry }: Props) {
  const { lines, canRetry } = useMemo(() => searchSummary(search, sites), [search, sites]);
  if (lines.length === 0) return null;
  return (
    <div class="server-search" data-state={search.state}>
      {lines.map((line) => (
        <span key={line.text} class={line.problem ? 'server-search-line problem' : 'server-search-line'}>
          {line.text}
        </span>
      ))}
      {canRetry && (
        <button type="button" class="link" data-action="retry-search" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export const ServerSearchStatus = pure(ServerSearchStatusView);
