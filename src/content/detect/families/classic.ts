/**
 * WordPress's comment walker (Walker_Comment, HTML5 and the older XHTML form) and the classic
 * themes' own callbacks that follow it: Twenty Ten (li#li-comment-N > div#comment-N), Twenty Twelve
 * (li#li-comment-N > article#comment-N.comment), Twenty Twenty (style "div": replies nested as bare
 * divs), Twenty Twenty-One, and the many themes built the same way.
 */
import type { CommentFamily } from '../family.ts';

/** comment-N, li-comment-N, div-comment-N, article-comment-N … */
const idPattern = /^(?:[a-z]+-)*comment-(\d+)$/i;

export const classic: CommentFamily = {
  name: 'classic',
  candidates: ['.comment', '.pingback', '.trackback'],
  idCandidates: ['[id^="comment-"]', '[id^="li-comment-"]', '[id^="div-comment-"]'],
  idFromAttribute(id) {
    const match = id.includes('comment-') ? idPattern.exec(id) : null;
    return match ? { id: Number(match[1]) } : null;
  },
  depthClass: 'depth-',
  authors: ['.fn'],
  authorFallbacks: ['.comment-author-name', '.comment-author-link', '.comment-author'],
  pendingNotes: ['.comment-awaiting-moderation', '.comment-moderation', '.awaiting-moderation', '.moderation-notice'],
  sections: [
    '#comments',
    '.comments-area',
    '.comment-list',
    '.commentlist',
    '#respond',
    '.comment-respond',
    '.comments-closed',
    '.nocomments',
    '.no-comments',
  ],
  replyForms: ['form#commentform', 'form.comment-form', 'form[action*="wp-comments-post.php"]', '#respond form'],
  notThread: [
    '.widget',
    '.widget_recent_comments',
    '.recentcomments',
    '.wp-block-latest-comments',
    '.jp-relatedposts',
    '.related-posts',
    '.yarpp-related',
    '.crp_related',
    'noscript',
  ],
};
