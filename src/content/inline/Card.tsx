/** A comment the theme does not show (pending, spam), in the thread where it belongs. */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { isolate } from '../../shared/bidi.ts';
import { t, uiLanguage } from '../../shared/i18n.ts';
import type { InlineComment } from '../../shared/inline-protocol.ts';
import { sanitizeCommentHtml } from '../../shared/sanitize/index.ts';
import { safeHref } from './comment-pages.ts';
import type { ReplyTo } from './home.ts';

/** Made once: a formatter costs more to make than forty cards cost to render (issue 14). */
let dateFormat: Intl.DateTimeFormat | null = null;

/**
 * What it answers, where the thread does not show it by nesting: "In reply to X." as WordPress's
 * comment feeds say it (threading off, the depth limit), with the comment page when the parent is
 * on another one.
 */
function ReplyLine({ replyTo, pageUrl }: { replyTo: ReplyTo; pageUrl: string }) {
  const text =
    replyTo.author === ''
      ? t('inlineReplyToUnknown')
      : replyTo.page !== null
        ? t('inlineReplyToPage', [isolate(replyTo.author), String(replyTo.page)])
        : t('inlineReplyTo', [isolate(replyTo.author)]);
  const href = safeHref(replyTo.link, pageUrl);
  return <p class="reply-to">{href ? <a href={href}>{text}</a> : text}</p>;
}

export function Card({
  comment,
  replyTo = null,
  pageUrl = '',
  children,
}: {
  comment: InlineComment;
  replyTo?: ReplyTo | null;
  pageUrl?: string;
  children?: ComponentChildren;
}) {
  const date = new Date(comment.date);
  // Every render of the view re-renders each card: the sanitizer (a fresh parsed document per call) runs once per text.
  const sanitizedContent = useMemo(() => sanitizeCommentHtml(comment.contentHtml), [comment.contentHtml]);
  dateFormat ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  const kind = comment.status === 'spam' ? 'spam' : comment.status === 'trash' ? 'trash' : 'pending';
  return (
    <article
      class={`fg card ${kind}`}
      aria-label={`${t(comment.status === 'spam' ? 'inlineSpam' : 'inlinePending')}: ${isolate(comment.authorName)}`}
    >
      <header>
        <bdi class="author">{comment.authorName || t('anonymous')}</bdi>
        <time dateTime={date.toISOString()}>{dateFormat.format(date)}</time>
      </header>
      {replyTo && <ReplyLine replyTo={replyTo} pageUrl={pageUrl} />}
      {/* Sanitized here, in the page that renders it (strict allow-list: no scripts, no remote loads). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized above by sanitizeCommentHtml (DOMPurify, strict allow-list) */}
      <div class="content" dangerouslySetInnerHTML={{ __html: sanitizedContent }} />
      {children}
    </article>
  );
}
