/**
 * A commenter's history, as WordPress has it: counts by status, first and last date, the posts
 * commented on, the IPs and websites used. Opened from a name in the queue; what it shows is read
 * anew each time (nothing of it is cached).
 */
import { type ComponentChildren, Fragment } from 'preact';
import { isolate } from '../../shared/bidi.ts';
import { t } from '../../shared/i18n.ts';
import type { CommenterHistory } from '../../shared/messages.ts';
import type { CommentStatus } from '../../shared/moderation.ts';
import { formatDate, formatNumber } from '../format.ts';
import { Dialog } from '../frame/Dialog.tsx';
import { postTitle } from '../queue/post-title.ts';
import { useCommenterHistory } from './use-commenter-history.ts';

interface Props {
  siteId: string;
  commentId: number;
  /** the name on the comment the panel was opened from */
  author: string;
  siteName: string;
  onClose: () => void;
  /** "act on all of them": the bulk-job sheet for the address and one status (moderators) */
  onActOnAll: (authorEmail: string, status: CommentStatus) => void;
}

export function HistoryPanel({ siteId, commentId, author, siteName, onClose, onActOnAll }: Props) {
  const { result, retry } = useCommenterHistory(siteId, commentId);
  const heading = t('historyHeading', [isolate(author), isolate(siteName)]);
  return (
    <Dialog label={heading} onClose={onClose} className="history-panel">
      <h2>{heading}</h2>
      <div aria-live="polite" aria-busy={result.state === 'loading'}>
        {result.state === 'loading' && <p class="muted">{t('historyLoading')}</p>}
        {result.state === 'failed' && (
          <p class="error" role="alert">
            {t('historyFailed', [result.message])}{' '}
            <button type="button" class="link" data-action="retry-history" onClick={retry}>
              {t('retry')}
            </button>
          </p>
        )}
        {result.state === 'ready' && <HistoryBody history={result.history} />}
        {result.state === 'ready' && result.history.by === 'email' && (
          <ActOnAll history={result.history} onActOnAll={onActOnAll} />
        )}
      </div>
      <div class="dialog-buttons">
        <button type="button" class="small secondary" data-autofocus data-action="close-history" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}

function HistoryBody({ history }: { history: CommenterHistory }) {
  const { counts } = history;
  const shown: [string, number | null][] = [
    [t('viewApproved'), counts.approved],
    [t('viewPending'), counts.pending],
    [t('viewSpam'), counts.spam],
    [t('viewTrash'), counts.trash],
  ];
  return (
    <>
      <p class="history-scope" data-history-by={history.by}>
        {history.by === 'email'
          ? t('historyByAddress', [history.who])
          : history.counts.spam === null
            ? t('historyByName')
            : t('historyByNameModerator')}
      </p>
      <dl class="history-counts" aria-label={t('historyCounts')}>
        {shown
          .filter((entry): entry is [string, number] => entry[1] !== null)
          .map(([label, count]) => (
            <div key={label} class={count > 0 ? '' : 'muted'}>
              <dt>{label}</dt>
              <dd>{formatNumber(count)}</dd>
            </div>
          ))}
      </dl>
      {history.first === null || history.last === null ? (
        <p class="muted">{t('historyNone')}</p>
      ) : (
        <>
          <p class="history-dates">{t('historyDates', [formatDate(history.first), formatDate(history.last)])}</p>
          <HistoryList label={t('historyPosts')} name="posts">
            {history.posts.map((post) => (
              <li key={post.id}>
                {t('historyPostComments', [
                  post.title === null ? t('unknownPost', [String(post.id)]) : postTitle(post.title),
                  formatNumber(post.comments),
                ])}
              </li>
            ))}
          </HistoryList>
          {history.ips.length > 0 && (
            <HistoryList label={t('historyIps')} name="ips">
              {history.ips.map((ip) => (
                <li key={ip}>
                  <bdi>{ip}</bdi>
                </li>
              ))}
            </HistoryList>
          )}
          {history.urls.length > 0 && (
            <HistoryList label={t('historyUrls')} name="urls">
              {history.urls.map((url) => (
                <li key={url}>
                  <bdi>{url}</bdi>
                </li>
              ))}
            </HistoryList>
          )}
          {history.read < history.total && (
            <p class="muted">{t('historyReadOf', [formatNumber(history.read), formatNumber(history.total)])}</p>
          )}
        </>
      )}
      {history.sameIp && (
        <p class="history-same-ip">{t('historySameIp', [formatNumber(history.sameIp.total), history.sameIp.ip])}</p>
      )}
    </>
  );
}

/** One button per status that has comments: the bulk-job sheet with the address and that status. */
function ActOnAll({ history, onActOnAll }: { history: CommenterHistory; onActOnAll: Props['onActOnAll'] }) {
  const statuses: [CommentStatus, number | null, string][] = [
    ['hold', history.counts.pending, t('viewPending')],
    ['approved', history.counts.approved, t('viewApproved')],
    ['spam', history.counts.spam, t('viewSpam')],
    ['trash', history.counts.trash, t('viewTrash')],
  ];
  const offered = statuses.filter(([, count]) => (count ?? 0) > 0);
  if (offered.length === 0) return null;
  return (
    <p class="history-act">
      {t('historyActOnAll')}{' '}
      {offered.map(([status, count, label]) => (
        <button
          key={status}
          type="button"
          class="small secondary"
          data-action="history-job"
          data-status={status}
          onClick={() => onActOnAll(history.who, status)}
        >
          {t('historyActOnStatus', [formatNumber(count ?? 0), label])}
        </button>
      ))}
    </p>
  );
}

function HistoryList({ label, name, children }: { label: string; name: string; children: ComponentChildren }) {
  return (
    <Fragment>
      <h3 class="history-label">{label}</h3>
      <ul class="history-list" data-history-list={name}>
        {children}
      </ul>
    </Fragment>
  );
}
