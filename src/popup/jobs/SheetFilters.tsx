/** The sheet's filter: which site, what the queue's filters said, and the extra ones (author email, dates). */
import type { PostRow, SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { describeFilter } from './describe-filter.ts';
import type { ExtraFilters, SheetState } from './sheet-state.ts';

interface Props {
  state: SheetState;
  sites: ReadonlyMap<string, SiteRow>;
  posts: ReadonlyMap<string, PostRow>;
  problem: 'email' | 'dates' | null;
  onSite: (siteId: string) => void;
  onExtra: (change: Partial<ExtraFilters>) => void;
}

const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function SheetFilters({ state, sites, posts, problem, onSite, onExtra }: Props) {
  const { request, extra } = state;
  const parts = describeFilter(request.filter, state.siteId, posts);
  return (
    <div class="job-filters">
      {request.siteChoices.length > 1 && (
        <label class="job-field">
          <span>{t('jobSite')}</span>
          <select name="job-site" value={state.siteId} onChange={(event) => onSite(value(event))}>
            {request.siteChoices.map((siteId) => (
              <option key={siteId} value={siteId}>
                {sites.get(siteId)?.name ?? siteId}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul class="job-filter-parts">
        {parts.map((part) => (
          <li key={part} class="tag">
            <bdi>{part}</bdi>
          </li>
        ))}
      </ul>
      {request.origin !== 'empty' && (
        <details class="job-extra" open={extra.authorEmail !== '' || extra.from !== '' || extra.to !== ''}>
          <summary>{t('jobMoreFilters')}</summary>
          <label class="job-field">
            <span>{t('jobAuthorEmail')}</span>
            <input
              type="email"
              name="job-author-email"
              value={extra.authorEmail}
              aria-invalid={problem === 'email'}
              onInput={(event) => onExtra({ authorEmail: value(event) })}
            />
          </label>
          <div class="job-dates">
            <label class="job-field">
              <span>{t('jobFrom')}</span>
              <input
                type="date"
                name="job-from"
                value={extra.from}
                aria-invalid={problem === 'dates'}
                onInput={(event) => onExtra({ from: value(event) })}
              />
            </label>
            <label class="job-field">
              <span>{t('jobTo')}</span>
              <input
                type="date"
                name="job-to"
                value={extra.to}
                aria-invalid={problem === 'dates'}
                onInput={(event) => onExtra({ to: value(event) })}
              />
            </label>
          </div>
          {problem && (
            <p class="job-problem" role="alert">
              {t(problem === 'email' ? 'jobBadEmail' : 'jobBadDates')}
            </p>
          )}
        </details>
      )}
    </div>
  );
}
