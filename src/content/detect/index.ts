/**
 * Pure page detection: (document, url) → what the page is and which comments it shows. No browser
 * API, no network, no UI, and only relative imports, so it can be bundled and tested on its own.
 *
 * Families of themes and comment plugins are data (families/*.ts) read by one generic walker;
 * fixtures for each family live in test/fixtures/pages/<family>/ with an answer key beside them.
 */
import { detectComments } from './comments.ts';
import { commentSectionState, findArticle, findReplyForm } from './page-parts.ts';
import { profile } from './profile.ts';
import type { PageModel } from './types.ts';
import { detectPostId, detectRestRoot, looksLikeWordPress } from './wordpress.ts';

export { type FindCommentsOptions, findComments } from './comments.ts';
export type { KnownComment } from './thread.ts';
export type { CommentType, DetectedComment, PageModel } from './types.ts';
export { detectPostId, detectRestRoot, looksLikeWordPress } from './wordpress.ts';

export function detectPage(doc: Document, url: URL): PageModel {
  const restRoot = detectRestRoot(doc, url);
  const isWordPress = restRoot !== null || looksLikeWordPress(doc, url);
  const postId = isWordPress ? detectPostId(doc) : null;
  // Home, archive and search views (and pages that are not WordPress) have no thread of their own:
  // comment-like markup there is a widget or a copy.
  if (postId === null || !doc.body) {
    return { isWordPress, restRoot, postId, commentsInDom: null, comments: [], replyForm: null, article: null };
  }
  const comments = detectComments(doc.body, { url, outside: null });
  return {
    isWordPress,
    restRoot,
    postId,
    commentsInDom: commentSectionState(doc, profile, comments.length),
    comments,
    replyForm: findReplyForm(doc, profile),
    article: findArticle(doc, postId, profile),
  };
}
