/**
 * What stands out before anyone reads: links, a ping, an imported tweet, a group of look-alikes, a
 * first-time commenter.
 */
import { useMemo } from 'preact/hooks';
import type { CommentRow } from '../../shared/db/index.ts';
import { type MessageKey, t } from '../../shared/i18n.ts';
import { type FirstTimeSignal, isImportedTweet, linkCount } from '../../shared/signals.ts';
import { formatNumber } from '../format.ts';
import { textOf } from '../queue/text.ts';

/** Label and explanation: confirmed by WordPress, or only what was decided here (claims no more). */
const firstTimeKeys: Record<Exclude<FirstTimeSignal, null>, { label: MessageKey; tip: MessageKey }> = {
  'first-comment': { label: 'signalFirstComment', tip: 'signalFirstCommentTip' },
  'first-seen': { label: 'signalFirstSeen', tip: 'signalFirstSeenTip' },
};

export function Signals({
  comment,
  clusterSize,
  firstTime,
}: {
  comment: CommentRow;
  clusterSize: number;
  firstTime: FirstTimeSignal;
}) {
  // A row renders again on every decision that moves it: read the comment once, not each time.
  const { links, tweet } = useMemo(
    () => ({
      links: linkCount(comment.contentHtml),
      tweet: isImportedTweet({ authorUrl: comment.authorUrl, text: textOf(comment) }),
    }),
    [comment],
  );
  const firstTimeText = firstTime && firstTimeKeys[firstTime];
  return (
    <>
      {comment.type === 'pingback' && <span class="tag">{t('typePingback')}</span>}
      {comment.type === 'trackback' && <span class="tag">{t('typeTrackback')}</span>}
      {firstTimeText && (
        <span class={`tag first-time ${firstTime}`} title={t(firstTimeText.tip)}>
          {t(firstTimeText.label)}
          {/* The tooltip's qualification, for screen readers too. */}
          <span class="visually-hidden">{`: ${t(firstTimeText.tip)}`}</span>
        </span>
      )}
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
