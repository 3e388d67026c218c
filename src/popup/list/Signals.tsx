/** What stands out before anyone reads: links, a ping, an imported tweet, a group of look-alikes. */
import type { CommentRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { isImportedTweet, linkCount } from '../../shared/signals.ts';
import { formatNumber } from '../format.ts';
import { textOf } from '../queue/text.ts';

export function Signals({ comment, clusterSize }: { comment: CommentRow; clusterSize: number }) {
  const links = linkCount(comment.contentHtml);
  const tweet = isImportedTweet({ authorUrl: comment.authorUrl, text: textOf(comment) });
  return (
    <>
      {comment.type === 'pingback' && <span class="tag">{t('typePingback')}</span>}
      {comment.type === 'trackback' && <span class="tag">{t('typeTrackback')}</span>}
      {tweet && <span class="tag tweet">{t('signalTweet')}</span>}
      {links > 0 && (
        <span class={links > 1 ? 'tag links many' : 'tag links'}>
          {t(links === 1 ? 'signalOneLink' : 'signalLinks', [formatNumber(links)])}
        </span>
      )}
      {clusterSize > 1 && <span class="tag cluster-tag">{t('signalCluster', [formatNumber(clusterSize)])}</span>}
    </>
  );
}
