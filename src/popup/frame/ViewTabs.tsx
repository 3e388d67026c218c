/** Pending / Approved / Spam / Trash (and Mine), each with its count from the cache and the server's. */
import { t } from '../../shared/i18n.ts';
import { pure } from '../../shared/ui/pure.ts';
import { formatNumber } from '../format.ts';
import type { ViewCounts } from '../queue/load.ts';
import { type ViewName, viewLabelKeys } from '../queue/views.ts';

interface Props {
  views: readonly ViewName[];
  /** null: none of them (another view, like "Unreplied", is shown) */
  current: ViewName | null;
  counts: ViewCounts | null;
  controls: string;
  onChange: (view: ViewName) => void;
}

function ViewTabsView({ views, current, counts, controls, onChange }: Props) {
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    event.stopPropagation();
    const next = views[(index + step + views.length) % views.length] as ViewName;
    onChange(next);
    (document.querySelector(`[data-view="${next}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <div class="views" role="tablist" aria-label={t('viewsLabel')}>
      {views.map((view, index) => {
        const cached = counts?.cached[view];
        const server = view === 'mine' ? undefined : counts?.server?.[view];
        const label = t(viewLabelKeys[view]);
        const title =
          server !== undefined && cached !== undefined && server !== cached
            ? t('countCachedAndServer', [formatNumber(cached), formatNumber(server)])
            : undefined;
        return (
          <button
            key={view}
            type="button"
            role="tab"
            class="view-tab"
            data-view={view}
            aria-selected={view === current}
            aria-controls={controls}
            tabIndex={view === current || (current === null && index === 0) ? 0 : -1}
            title={title}
            onClick={() => onChange(view)}
            onKeyDown={(event) => move(event, index)}
          >
            {label}
            {cached !== undefined && (
              <span class="view-count">
                {formatNumber(cached)}
                {title && <span class="server-count"> / {formatNumber(server ?? 0)}</span>}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}

export const ViewTabs = pure(ViewTabsView);
