/** One comment as a row of the queue (a treegrid row: its content, then its actions). */
import { Fragment } from 'preact';
import { useId } from 'preact/hooks';
import { isolate } from '../../shared/bidi.ts';
import { matchBlocklists } from '../../shared/blocklist.ts';
import type { CommentRow, OutboxRow } from '../../shared/db/index.ts';
import { t } from '../../shared/i18n.ts';
import { firstTimeSignal } from '../../shared/signals.ts';
import { BlockMatch } from '../../shared/ui/BlockMatch.tsx';
import { pure } from '../../shared/ui/pure.ts';
import { formatDate } from '../format.ts';
import { canModerate, seesAuthorDetails } from '../queue/permissions.ts';
import { postTitle } from '../queue/post-title.ts';
import { commentKey, postKey } from '../queue/views.ts';
import { useQueueContext } from '../queue-context.ts';
import { draftKey } from '../reply/draft-key.ts';
import { LazyReplyBox } from '../reply/lazy.tsx';
import { AkismetLine } from './AkismetLine.tsx';
import { CommentContent } from './CommentContent.tsx';
import { ItemActions } from './ItemActions.tsx';
import { OutboxLine } from './OutboxLine.tsx';
import { Reputation } from './Reputation.tsx';
import { SelectBox } from './SelectBox.tsx';
import { Signals } from './Signals.tsx';
import { useHistoryRequest } from './use-history-request.ts';
import { useItemContext } from './use-item-context.ts';
import { rowProps } from './VirtualList.tsx';

interface Props {
  comment: CommentRow;
  /** its open decisions */
  outboxRows: readonly OutboxRow[] | undefined;
  index: number;
  offset: number;
  measure: (element: HTMLElement | null) => void;
  level: 1 | 2;
  clusterSize: number;
  active: boolean;
  showSite: boolean;
}

/**
 * The row itself: its place in the list and its state. Cheap, and the only part that renders again
 * when a decision above it moves it (its index and offset change, nothing it shows does).
 */
function CommentItemView({ comment, outboxRows, index, offset, measure, level, clusterSize, active, showSite }: Props) {
  const { selected, commands } = useQueueContext();
  const key = commentKey(comment);
  const isSelected = selected.has(key);
  const authorId = useId();
  return (
    // biome-ignore lint/a11y: a virtualized treegrid row (tr cannot be positioned like this); keyboard handled by the queue's shortcuts
    <div
      {...rowProps({ index, offset, measure }, active, commands.focusRow)}
      class={`item level-${level}${active ? ' active' : ''}${isSelected ? ' selected' : ''}`}
      data-comment-id={comment.id}
      data-row-key={key}
      aria-level={level}
      aria-selected={isSelected}
      aria-labelledby={authorId}
    >
      <CommentCells
        comment={comment}
        outboxRows={outboxRows}
        level={level}
        clusterSize={clusterSize}
        active={active}
        showSite={showSite}
        isSelected={isSelected}
        authorId={authorId}
      />
    </div>
  );
}

interface CellsProps extends Omit<Props, 'index' | 'offset' | 'measure'> {
  isSelected: boolean;
  /** the id of the author's name, which labels the row */
  authorId: string;
}

/** What the row shows: the comment, what is known about its author, its open decisions, its actions. */
function CommentCellsView({
  comment,
  outboxRows,
  level,
  clusterSize,
  active,
  showSite,
  isSelected,
  authorId,
}: CellsProps) {
  const { db, sites, posts, drafts, editors, commands } = useQueueContext();
  const key = commentKey(comment);
  const site = sites.get(comment.siteId);
  const post = posts.get(postKey(comment.siteId, comment.post));
  const context = useItemContext(db, comment);
  const moderator = seesAuthorDetails(site);
  const allowed = canModerate(site, post);
  const checking = useHistoryRequest(comment, moderator, context);
  // Nothing until the reputation is read and WordPress has answered: a regular must not flash as new.
  const firstTime =
    context && !checking
      ? firstTimeSignal({
          comment,
          reputation: context.reputation.map(({ row }) => row),
          serverApproved: moderator ? (context.history?.approved ?? null) : null,
        })
      : null;
  const editor = editors(key);
  const author = comment.authorName || t('anonymous');
  const draft = editor ? drafts.get(draftKey(key, editor.kind)) : undefined;
  return (
    <>
      {/* biome-ignore lint/a11y: treegrid cell; the row holds the focus (row focus mode), its buttons are in the tab order */}
      <div role="gridcell" class="item-main">
        <div class="item-head">
          <SelectBox
            checked={isSelected}
            label={t('selectComment', [isolate(author)])}
            onToggle={() => commands.toggleSelected([key])}
          />
          <button
            type="button"
            class="link author"
            id={authorId}
            data-action="history"
            title={t('historyOpen', [author])}
            onClick={() => commands.showHistory(key)}
          >
            <bdi>{author}</bdi>
          </button>
          <Signals comment={comment} clusterSize={level === 2 ? 0 : clusterSize} firstTime={firstTime} />
          <time dateTime={new Date(comment.date).toISOString()}>{formatDate(comment.date)}</time>
        </div>
        {moderator && (comment.authorEmail || comment.authorUrl || comment.authorIp) && (
          <p class="author-details">
            {[comment.authorEmail, comment.authorUrl, comment.authorIp]
              .filter((part): part is string => Boolean(part))
              .map((part, at) => (
                <Fragment key={part}>
                  {at > 0 && ' · '}
                  <bdi>{part}</bdi>
                </Fragment>
              ))}
          </p>
        )}
        <Reputation context={context} />
        {moderator && <AkismetLine verdict={comment.akismet} />}
        {moderator && site?.blocklist?.state === 'read' && (
          <BlockMatch match={matchBlocklists(site.blocklist.lists, comment)} />
        )}
        <CommentContent html={comment.contentHtml} full={active || editor !== null} />
        <p class="item-meta">
          <span class="post-title">{post ? postTitle(post.title) : t('unknownPost', [String(comment.post)])}</span>
          {comment.parent > 0 && (
            <span class="in-reply-to">
              {' · '}
              {context?.parentAuthor
                ? t('inReplyTo', [isolate(context.parentAuthor)])
                : t('inReplyToComment', [String(comment.parent)])}
            </span>
          )}
          {showSite && site && <span class="site-name"> · {site.name}</span>}
        </p>
        <OutboxLine rows={outboxRows} commentKey={key} />
        {editor && (
          <LazyReplyBox
            key={editor.kind}
            comment={comment}
            editor={editor}
            draft={draft?.content ?? null}
            canApprove={allowed && comment.status === 'hold'}
          />
        )}
      </div>
      {/* biome-ignore lint/a11y: treegrid cell; the row holds the focus (row focus mode), its buttons are in the tab order */}
      <div role="gridcell" class="item-actions">
        {/* Only the focused row carries buttons: fewer elements, and moving the focus stays cheap. */}
        {active && (
          <ItemActions
            keys={[key]}
            status={comment.status}
            canModerate={allowed}
            single={{ key, canEdit: comment.contentRaw !== null, editing: editor !== null }}
            label={t('actionsFor', [author])}
            active={active}
            blockable={moderator}
          />
        )}
      </div>
    </>
  );
}

const CommentCells = pure(CommentCellsView);
export const CommentItem = pure(CommentItemView);
