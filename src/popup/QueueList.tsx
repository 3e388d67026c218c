import { t, uiLanguage } from '../shared/i18n.ts';
import { excerpt, plainText } from '../shared/ui/plain-text.ts';
import type { QueueItem } from './queue.ts';

const typeLabels = { pingback: 'typePingback', trackback: 'typeTrackback' } as const;

function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function QueueList({ items, showSite }: { items: QueueItem[]; showSite: boolean }) {
  return (
    <ol class="queue" aria-label={t('popupQueueLabel')}>
      {items.map(({ comment, post, site }) => {
        const typeLabel = comment.type in typeLabels ? t(typeLabels[comment.type as keyof typeof typeLabels]) : null;
        return (
          <li key={`${comment.siteId}:${comment.id}`} class="item" data-comment-id={comment.id}>
            <div class="item-head">
              <span class="author">{comment.authorName || t('anonymous')}</span>
              {typeLabel && <span class="tag">{typeLabel}</span>}
              <time dateTime={new Date(comment.date).toISOString()}>{formatDate(comment.date)}</time>
            </div>
            <p class="excerpt">{excerpt(comment.contentHtml)}</p>
            <div class="item-meta">
              <span class="post-title">{post ? plainText(post.title) : t('unknownPost', [String(comment.post)])}</span>
              {showSite && site && <span class="site-name"> · {site.name}</span>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
