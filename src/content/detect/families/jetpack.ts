/**
 * Jetpack Comments: the theme prints the thread as usual; only the form is Jetpack's, an iframe
 * inside form#commentform (or the newer Verbum form). The form is ours to find, the thread stays in
 * the page.
 */
import type { CommentFamily } from '../family.ts';

export const jetpack: CommentFamily = {
  name: 'jetpack',
  sections: ['#jetpack_remote_comment', '.jetpack_remote_comment', '#comment-form__verbum'],
  replyForms: ['#jetpack_remote_comment', '#comment-form__verbum'],
};
