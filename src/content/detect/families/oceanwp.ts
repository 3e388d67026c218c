/**
 * OceanWP: comment_class() sits on the inner <article>, the <li id="comment-N"> carries none, and
 * the author's name is a span.comment-link inside .comment-author (no .fn), next to the date and
 * the reply link.
 */
import type { CommentFamily } from '../family.ts';

export const oceanWp: CommentFamily = {
  name: 'oceanwp',
  authors: ['.comment-author > .comment-link'],
};
