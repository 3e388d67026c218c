/**
 * The view "Unreplied": approved comments with no reply from their post's author, newest first,
 * each with a quick reply (the queue's reply editor, drafts and outbox included). Moderators can
 * narrow it to one post author's posts.
 */
import { useState } from 'preact/hooks';
import { isolate } from '../../shared/bidi.ts';
import type { FreigabeDb, OutboxRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { formatDate, formatNumber } from '../format.ts';
import { CommentContent } from '../list/CommentContent.tsx';
import { OutboxLine } from '../list/OutboxLine.tsx';
import { postTitle } from '../queue/post-title.ts';
import { commentKey, postKey } from '../queue/views.ts';
import { useQueueContext } from '../queue-context.ts';
import { draftKey } from '../reply/draft-key.ts';
import { LazyReplyBox } from '../reply/lazy.tsx';
import { type UnrepliedRow, useUnreplied } from './use-unreplied.ts';

export function UnrepliedView({
  db,
  outbox,
}: {
  db: FreigabeDb;
  /** open decisions by comment key */
  outbox: ReadonlyMap<string, readonly OutboxRow[]>;
}) {
  const { sites } = useQueueContext();
  const { answer, rows, retry } = useUnreplied(db);
  const [postAuthor, setPostAuthor] = useState('');
  const found = answer.state === 'ready' ? answer.sites : [];
  const authors = found.flatMap((site) =>
    site.outcome === 'found' && sites.get(site.siteId)?.mode === 'moderator'
      ? site.postAuthors.map((author) => ({ key: `${site.siteId}\n${author.id}`, name: author.name }))
      : [],
  );
  const shown = (postAuthor === '' ? rows : rows.filter((row) => row.postAuthor === postAuthor))
    .slice()
    .sort((a, b) => b.comment.date - a.comment.date);
  const days = found.find((site) => site.outcome === 'found')?.days ?? 14;
  return (
    <section class="unreplied" aria-label={t('viewUnreplied')} aria-busy={answer.state === 'loading'}>
      <p class="muted unreplied-explain">{t('unrepliedExplain', [formatNumber(days)])}</p>
      {authors.length > 1 && (
        <label class="unreplied-filter">
          {t('unrepliedPostAuthor')}{' '}
          <select name="post-author" value={postAuthor} onChange={(event) => setPostAuthor(event.currentTarget.value)}>
            <option value="">{t('unrepliedAnyAuthor')}</option>
            {authors.map((author) => (
              <option key={author.key} value={author.key}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {answer.state === 'loading' && <p class="muted">{t('unrepliedLoading')}</p>}
      {answer.state === 'failed' && (
        <p class="notice error" role="alert">
          {answer.message}{' '}
          <button type="button" class="link" onClick={retry}>
            {t('retry')}
          </button>
        </p>
      )}
      {found.map((site) =>
        site.outcome === 'failed' ? (
          <p key={site.siteId} class="notice error" role="alert">
            {t('unrepliedFailed', [isolate(sites.get(site.siteId)?.name ?? site.siteId), site.message])}{' '}
            <button type="button" class="link" onClick={retry}>
              {t('retry')}
            </button>
          </p>
        ) : site.checked >= 100 ? (
          <p key={site.siteId} class="muted">
            {t('unrepliedChecked', [isolate(sites.get(site.siteId)?.name ?? site.siteId), formatNumber(site.checked)])}
          </p>
        ) : null,
      )}
      {answer.state === 'ready' && shown.length === 0 && <p class="empty">{t('unrepliedNone')}</p>}
      <ul class="unreplied-list">
        {shown.map((row) => (
          <UnrepliedItem key={commentKey(row.comment)} row={row} outboxRows={outbox.get(commentKey(row.comment))} />
        ))}
      </ul>
    </section>
  );
}

function UnrepliedItem({ row, outboxRows }: { row: UnrepliedRow; outboxRows: readonly OutboxRow[] | undefined }) {
  const { posts, drafts, editors, commands } = useQueueContext();
  const { comment } = row;
  const key = commentKey(comment);
  const post = posts.get(postKey(comment.siteId, comment.post));
  const editor = editors(key);
  const draft = editor ? drafts.get(draftKey(key, editor.kind)) : undefined;
  return (
    <li class="unreplied-item" data-comment-id={comment.id}>
      <div class="item-head">
        <bdi class="author">{comment.authorName || t('anonymous')}</bdi>
        <time dateTime={new Date(comment.date).toISOString()}>{formatDate(comment.date)}</time>
      </div>
      <CommentContent html={comment.contentHtml} full={true} />
      <p class="item-meta">
        <span class="post-title">{post ? postTitle(post.title) : t('unknownPost', [String(comment.post)])}</span>
      </p>
      <OutboxLine rows={outboxRows} commentKey={key} />
      {editor ? (
        <LazyReplyBox
          key={editor.kind}
          comment={comment}
          editor={editor}
          draft={draft?.content ?? null}
          canApprove={false}
        />
      ) : (
        <button
          type="button"
          class="small"
          data-action="unreplied-reply"
          onClick={() => commands.openEditor(key, { kind: 'reply', approve: false, focus: true })}
        >
          {t('unrepliedReply')}
        </button>
      )}
    </li>
  );
}
