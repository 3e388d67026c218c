/** The server's count for the filter and its newest comments, before anything happens. */
import { isolate } from '../../shared/bidi.ts';
import { t } from '../../shared/i18n.ts';
import { maxJobSize } from '../../shared/jobs.ts';
import { formatDate, formatNumber } from '../format.ts';
import { CommentContent } from '../list/CommentContent.tsx';
import { postTitle } from '../queue/post-title.ts';
import type { PreviewState } from './sheet-state.ts';

interface Props {
  preview: PreviewState;
  siteName: string;
  /** the filter cannot be asked for as typed */
  invalid: boolean;
  onRetry: () => void;
}

function countLine(total: number, siteName: string): string {
  if (total === 0) return t('jobCountNone', [siteName]);
  if (total === 1) return t('jobCountOne', [siteName]);
  return t('jobCount', [formatNumber(total), siteName]);
}

export function SheetPreview({ preview, siteName, invalid, onRetry }: Props) {
  if (invalid) return null;
  if (preview.state === 'loading')
    return (
      <p class="job-count" role="status">
        {t('jobCounting', [siteName])}
      </p>
    );
  if (preview.state === 'failed')
    return (
      <div class="job-count" role="alert">
        <p class="job-problem">{preview.problem}</p>
        <button type="button" class="small secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      </div>
    );
  const { total, first, route } = preview.preview;
  const more = total - first.length;
  return (
    <div class="job-preview">
      <p class="job-count" role="status" data-total={total}>
        <strong>{countLine(total, siteName)}</strong>
      </p>
      {total > maxJobSize && <p class="job-note">{t('jobTooMany', [formatNumber(maxJobSize)])}</p>}
      {first.length > 0 && (
        <ul class="job-preview-rows" aria-label={t('jobPreviewLabel')}>
          {first.map((row) => (
            <li key={row.id} class="job-preview-row">
              <p class="item-meta">
                <span class="author">{isolate(row.authorName || t('anonymous'))}</span>
                {' · '}
                <time dateTime={new Date(row.date).toISOString()}>{formatDate(row.date)}</time>
                {row.postTitle !== null && (
                  <>
                    {' · '}
                    <span class="post-title">{postTitle(row.postTitle)}</span>
                  </>
                )}
              </p>
              <CommentContent html={row.contentHtml} full={false} />
            </li>
          ))}
        </ul>
      )}
      {more > 0 && first.length > 0 && <p class="job-note">{t('jobPreviewMore', [formatNumber(more)])}</p>}
      {total > 0 && <p class="job-note">{t(route === 'bridge' ? 'jobRouteBridge' : 'jobRouteRest')}</p>}
    </div>
  );
}
