/**
 * Near-identical comments as one row with their count: one key or button moderates them all;
 * Enter (or →) shows the members under it.
 */

import { isolate } from '../../shared/bidi.ts';
import type { CommentRow } from '../../shared/db/index.ts';
import { type MessageKey, t } from '../../shared/i18n.ts';
import { commentPlainText } from '../../shared/sanitize/index.ts';
import { pure } from '../../shared/ui/pure.ts';
import { formatDate, formatNumber } from '../format.ts';
import type { SiteCluster } from '../queue/clusters.ts';
import { canModerate } from '../queue/permissions.ts';
import { postTitle } from '../queue/post-title.ts';
import { commentKey, postKey } from '../queue/views.ts';
import { useQueueContext } from '../queue-context.ts';
import { ItemActions } from './ItemActions.tsx';
import { SelectBox } from './SelectBox.tsx';
import { rowProps } from './VirtualList.tsx';

const reasonKeys: Record<SiteCluster['reason'], MessageKey> = {
  'same-text': 'clusterSameText',
  'similar-text': 'clusterSimilarText',
  'pings-from-domain': 'clusterPingsFromDomain',
};

interface Props {
  cluster: SiteCluster;
  comments: readonly CommentRow[];
  expanded: boolean;
  index: number;
  offset: number;
  measure: (element: HTMLElement | null) => void;
  active: boolean;
}

function ClusterRowView({ cluster, comments, expanded, index, offset, measure, active }: Props) {
  const { sites, posts, selected, commands } = useQueueContext();
  const keys = comments.map(commentKey);
  const [newest] = comments;
  const site = sites.get(cluster.siteId);
  const post = posts.get(postKey(cluster.siteId, cluster.post));
  const allowed = canModerate(site, post);
  const isSelected = keys.length > 0 && keys.every((key) => selected.has(key));
  const count = formatNumber(comments.length);
  const authors = [...new Set(comments.map((comment) => isolate(comment.authorName || t('anonymous'))))];
  const shownAuthors = authors.slice(0, 3).join(', ');
  const more = authors.length - 3;
  const headingId = `cluster-${index}`;
  // Statuses differ only in "Mine": the actions follow the newest member's.
  const status = newest?.status ?? 'hold';
  // All like this on the server, for moderators (the sheet works out the pattern, or says there is none).
  const offerJob = active && site?.mode === 'moderator';
  return (
    // biome-ignore lint/a11y: a virtualized treegrid row (tr cannot be positioned like this); keyboard handled by the queue's shortcuts
    <div
      {...rowProps({ index, offset, measure }, active, commands.focusRow)}
      class={`item cluster level-1${active ? ' active' : ''}${isSelected ? ' selected' : ''}`}
      data-cluster-key={cluster.key}
      data-row-key={`cluster:${cluster.key}`}
      data-count={comments.length}
      aria-level={1}
      aria-expanded={expanded}
      aria-selected={isSelected}
      aria-labelledby={headingId}
    >
      {/* biome-ignore lint/a11y: treegrid cell; the row holds the focus (row focus mode), its buttons are in the tab order */}
      <div role="gridcell" class="item-main">
        <div class="item-head">
          <SelectBox
            checked={isSelected}
            label={t('selectCluster', [count])}
            onToggle={() => commands.toggleSelected(keys)}
          />
          <button
            type="button"
            class="expand"
            tabIndex={active ? 0 : -1}
            aria-label={t(expanded ? 'clusterCollapse' : 'clusterExpand', [count])}
            onClick={() => commands.toggleExpanded(cluster.key)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
          <span class="author" id={headingId}>
            {t('clusterHeading', [count])}
          </span>
          <span class="tag cluster-tag">{t(reasonKeys[cluster.reason])}</span>
          {newest && <time dateTime={new Date(newest.date).toISOString()}>{formatDate(newest.date)}</time>}
        </div>
        <p class="content clamped cluster-sample">
          <bdi>{newest ? commentPlainText(newest.contentHtml) : ''}</bdi>
        </p>
        <p class="item-meta">
          <span class="post-title">{post ? postTitle(post.title) : t('unknownPost', [String(cluster.post)])}</span>
          {' · '}
          <span class="cluster-authors">
            {more > 0 ? t('clusterAuthorsMore', [shownAuthors, formatNumber(more)]) : shownAuthors}
          </span>
        </p>
      </div>
      {/* biome-ignore lint/a11y: treegrid cell; the row holds the focus (row focus mode), its buttons are in the tab order */}
      <div role="gridcell" class="item-actions">
        {/* Only the focused row carries buttons: fewer elements, and moving the focus stays cheap. */}
        {active && (
          <ItemActions
            keys={keys}
            status={status}
            canModerate={allowed}
            single={null}
            label={t('actionsForCluster', [count])}
            active={active}
          />
        )}
        {offerJob && (
          <button
            type="button"
            class="link cluster-job"
            data-action="cluster-job"
            onClick={() => commands.clusterJob(cluster.key)}
          >
            {t('jobClusterButton')}
          </button>
        )}
      </div>
    </div>
  );
}

export const ClusterRow = pure(ClusterRowView);
