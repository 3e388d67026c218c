/**
 * Comment HTML as rough plain text for search and clustering, for thousands of comments at once:
 * a tag strip and entity decoding (no DOM, no parser), remembered per comment while its HTML stays
 * the same. What is shown to the user is sanitized elsewhere (CommentContent).
 */
import type { CommentRow } from '../../shared/db/index.ts';
import { roughText } from '../../shared/rough-text.ts';
import { commentKey } from './views.ts';

interface Derived {
  html: string;
  text: string;
  /** built the first time someone searches */
  search: string | null;
}

const remembered = new Map<string, Derived>();

function derived(comment: CommentRow): Derived {
  const key = commentKey(comment);
  const known = remembered.get(key);
  if (known && known.html === comment.contentHtml) return known;
  if (remembered.size > 50_000) remembered.clear();
  const fresh: Derived = { html: comment.contentHtml, text: roughText(comment.contentHtml), search: null };
  remembered.set(key, fresh);
  return fresh;
}

export const textOf = (comment: CommentRow): string => derived(comment).text;

/** Author name, email, URL, IP and content, lowercased: what the search box looks in. */
export function searchTextOf(comment: CommentRow): string {
  const entry = derived(comment);
  entry.search ??= [
    comment.authorName,
    comment.authorEmail ?? '',
    comment.authorUrl,
    comment.authorIp ?? '',
    entry.text,
  ]
    .join('\n')
    .toLowerCase();
  return entry.search;
}
