/**
 * Block themes (Twenty Twenty-Two to Twenty Twenty-Five): the Comments block with its Comment
 * Template (ol.wp-block-comment-template > li#comment-N.comment, replies in a plain <ol>), or the
 * legacy Post Comments block that wraps the classic walker. No article#post-N: the post is the
 * Post Content block.
 */
import type { CommentFamily } from '../family.ts';

export const blockThemes: CommentFamily = {
  name: 'block-themes',
  authors: ['.wp-block-comment-author-name'],
  sections: [
    '.wp-block-comments',
    '.wp-block-post-comments',
    '.wp-block-comment-template',
    '.wp-block-post-comments-form',
  ],
  articles: ['.wp-block-post-content'],
};
