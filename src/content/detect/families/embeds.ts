/**
 * Third-party comment systems that replace WordPress's thread with an embed (Disqus and similar):
 * the comments live in an iframe or a script-built widget, so they cannot be found in the page.
 */
import type { CommentFamily } from '../family.ts';

export const embeds: CommentFamily = {
  name: 'embeds',
  embeds: [
    '#disqus_thread',
    '.fb-comments',
    '#commento',
    '#isso-thread',
    '#remark42',
    '.giscus',
    '#hyvor-talk-view',
    'hyvor-talk-comments',
    '#coral_thread',
    '#graphcomment',
    '#cusdis_thread',
    // Discourse: its embed script's iframe holder, and WP Discourse's server-printed replies (their
    // li.comment items carry no WordPress ids; comments.ts does not claim them).
    '#discourse-comments',
    '.discourse-comments-area',
  ],
};
