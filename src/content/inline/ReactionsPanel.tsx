/** The author's overview of the article's debate ("Debatten-Monitor"). */
import { isolate } from '../../shared/bidi.ts';
import { t } from '../../shared/i18n.ts';
import { commentPlainText } from '../../shared/sanitize/index.ts';
import type { Reactions } from './reactions.ts';
import { trusted } from './trusted.ts';

export function ReactionsPanel({ reactions, onClose }: { reactions: Reactions; onClose: () => void }) {
  const most = Math.max(1, ...reactions.days.map((day) => day.count));
  return (
    <section class="fg reactions" aria-label={t('inlineReactionsHeading')}>
      <h2>{t('inlineReactionsHeading')}</h2>
      <div class="counts">
        <span>
          <strong>{reactions.published}</strong>
          {t('inlinePublished')}
        </span>
        <span>
          <strong>{reactions.pending}</strong>
          {t('inlinePendingCount')}
        </span>
        <span>
          <strong>{reactions.spam}</strong>
          {t('inlineSpamCount')}
        </span>
        <span>
          <strong>{reactions.social}</strong>
          {t('inlineSocialCount')}
        </span>
      </div>
      <h3>{t('inlinePings')}</h3>
      {reactions.pings.length === 0 ? (
        <p>{t('inlineNoPings')}</p>
      ) : (
        <ul class="pings">
          {reactions.pings.map((ping) => (
            <li key={ping.id}>
              <bdi>{ping.title}</bdi>{' '}
              <span class="state">
                (<bdi>{ping.site || ping.type}</bdi>)
              </span>
            </li>
          ))}
        </ul>
      )}
      {reactions.clusters.length > 0 && (
        <>
          <h3>{t('inlineClusters')}</h3>
          <ul class="clusters">
            {reactions.clusters.map((cluster) => (
              <li key={cluster.ids.join(',')} title={cluster.authors.map(isolate).join(', ')}>
                {t('inlineClusterLine', [
                  String(cluster.ids.length),
                  isolate(commentPlainText(cluster.sampleHtml).slice(0, 90)),
                ])}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('inlineTimeline')}</h3>
      <div class="timeline">
        {reactions.days.map((day) => (
          <>
            <span key={`${day.day}-d`}>{day.day}</span>
            <span key={`${day.day}-b`} class="bar-fill" style={{ width: `${(day.count / most) * 100}%` }} />
            <span key={`${day.day}-c`}>{day.count}</span>
          </>
        ))}
      </div>
      <p>
        <button type="button" onClick={trusted(onClose)}>
          {t('inlineClose')}
        </button>
      </p>
    </section>
  );
}
