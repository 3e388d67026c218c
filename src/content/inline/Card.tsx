/** A comment the theme does not show (pending, spam), in the thread where it belongs. */
import type { ComponentChildren } from 'preact';
import { t, uiLanguage } from '../../shared/i18n.ts';
import type { InlineComment } from '../../shared/inline-protocol.ts';
import { sanitizeCommentHtml } from '../../shared/sanitize/index.ts';

export function Card({ comment, children }: { comment: InlineComment; children?: ComponentChildren }) {
  const date = new Date(comment.date);
  const kind = comment.status === 'spam' ? 'spam' : comment.status === 'trash' ? 'trash' : 'pending';
  return (
    <article
      class={`fg card ${kind}`}
      aria-label={`${t(comment.status === 'spam' ? 'inlineSpam' : 'inlinePending')}: ${comment.authorName}`}
    >
      <header>
        <span class="author">{comment.authorName || t('anonymous')}</span>
        <time dateTime={date.toISOString()}>
          {new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(date)}
        </time>
      </header>
      {/* Sanitized here, in the page that renders it (strict allow-list: no scripts, no remote loads). */}
      <div class="content" dangerouslySetInnerHTML={{ __html: sanitizeCommentHtml(comment.contentHtml) }} />
      {children}
    </article>
  );
}
