/** Search over the cache (`/`), and filters by site, post and type. */
import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import type { PostRow, SiteRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { pure } from '../../shared/ui/pure.ts';
import { formatNumber } from '../format.ts';
import type { PostChoice } from '../queue/filter.ts';
import { postTitle } from '../queue/post-title.ts';
import type { QueueFilter, TypeFilter } from '../queue/views.ts';

interface Props {
  filter: QueueFilter;
  sites: readonly SiteRow[];
  posts: readonly PostChoice[];
  postRows: ReadonlyMap<string, PostRow>;
  searchRef: Ref<HTMLInputElement>;
  onChange: (change: Partial<QueueFilter>) => void;
  /** Esc, Enter or ↓ in the search box: back to the queue */
  onLeave: () => void;
}

const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

function FiltersView({ filter, sites, posts, postRows, searchRef, onChange, onLeave }: Props) {
  const shownPosts = useMemo(() => posts.slice(0, 200), [posts]);
  const postOptions = useMemo(
    () =>
      shownPosts.map((choice) => {
        const post = postRows.get(choice.key);
        const title = post ? postTitle(post.title) : t('unknownPost', [String(choice.post)]);
        return (
          <option key={choice.key} value={choice.key}>
            {title} ({formatNumber(choice.count)})
          </option>
        );
      }),
    [shownPosts, postRows],
  );
  return (
    <div class="filters">
      <input
        ref={searchRef}
        type="search"
        class="search"
        name="search"
        value={filter.search}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        aria-keyshortcuts="/"
        onInput={(event) => onChange({ search: value(event) })}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' && event.key !== 'Enter' && event.key !== 'ArrowDown') return;
          event.preventDefault();
          if (event.key === 'Escape' && filter.search !== '') onChange({ search: '' });
          onLeave();
        }}
      />
      {sites.length > 1 && (
        <select
          name="site"
          aria-label={t('filterSite')}
          value={filter.siteId ?? ''}
          onChange={(event) => onChange({ siteId: value(event) || null, post: null })}
        >
          <option value="">{t('filterAllSites')}</option>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      )}
      <select
        name="post"
        aria-label={t('filterPost')}
        value={filter.post ?? ''}
        onChange={(event) => onChange({ post: value(event) || null })}
      >
        <option value="">{t('filterAllPosts')}</option>
        {filter.post !== null && !shownPosts.some((choice) => choice.key === filter.post) && (
          <option value={filter.post}>{t('filterThisPost')}</option>
        )}
        {postOptions}
      </select>
      <select
        name="type"
        aria-label={t('filterType')}
        value={filter.type}
        onChange={(event) => onChange({ type: value(event) as TypeFilter })}
      >
        <option value="all">{t('filterAllTypes')}</option>
        <option value="comments">{t('filterComments')}</option>
        <option value="pings">{t('filterPings')}</option>
      </select>
    </div>
  );
}

export const Filters = pure(FiltersView);
