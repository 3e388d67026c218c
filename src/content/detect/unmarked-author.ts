/**
 * The name of a commenter whose theme prints it in a holder of its own, with no class any family knows:
 * a heading (Hestia's h4.media-heading, Virtue's h5.media-heading), a class of the theme's
 * (Blocksy's h4.ct-comment-author, Tregenza One's div.tregenza_one_block_comment_author), a bare
 * <cite> (Snow Monkey), <strong> or <b>. Looked for only in comments still without an author, and
 * only in the comment's own part (never in a reply nested inside it).
 */
import { cleanAuthor, fitToReplyLabel, isBesideName, nameText } from './author-name.ts';
import type { CommentGroup, Thread } from './thread.ts';

/**
 * Where names are printed, in one query over the comment's small subtree: core's author link
 * (get_comment_author_link() prints a.url), classes that say author or name, schema.org's name,
 * then the plain elements themes wrap a name in.
 */
const holders = 'a.url, [class*="author"], [class*="name"], [itemprop="name"], cite, h2, h3, h4, h5, h6, strong, b';

/** Longer than any name a commenter types into the form's Name field in practice. */
const maxNameLength = 80;

/** core's reply link in this comment: its data-replyto / aria-label carries the author's name. */
export function replyLabel(group: CommentGroup, thread: Thread): string | null {
  for (const link of group.element.querySelectorAll('a.comment-reply-link')) {
    if (thread.ownerOf(link) !== group) continue;
    return link.getAttribute('data-replyto') ?? link.getAttribute('aria-label');
  }
  return null;
}

/**
 * The first holder in the comment (names come before the text in comment templates) with a short
 * text; where the reply link names the author, the first holder whose text it contains wins.
 */
export function unmarkedAuthor(group: CommentGroup, thread: Thread): string | null {
  const label = replyLabel(group, thread);
  let first: string | null = null;
  for (const holder of group.element.querySelectorAll(holders)) {
    if (thread.ownerOf(holder) !== group || isBesideName(holder)) continue;
    const name = fitToReplyLabel(cleanAuthor(nameText(holder)), label);
    if (!name || name.length > maxNameLength) continue;
    if (!label || label.includes(name)) return name;
    first ??= name;
  }
  return first;
}
