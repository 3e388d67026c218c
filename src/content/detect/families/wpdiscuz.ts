/**
 * wpDiscuz: div#wpd-comm-ID_PARENT.wpd-comment > .wpd-comment-wrap > div#comment-ID, replies nested
 * as div.wpd-reply; held comments carry wpd-unapproved-comment and a .wpd-unapproved note. The
 * parent is in the id itself, and in the "reply to" link.
 */
import type { CommentFamily } from '../family.ts';

export const wpDiscuz: CommentFamily = {
  name: 'wpdiscuz',
  candidates: ['.wpd-comment'],
  idCandidates: ['[id^="wpd-comm-"]'],
  idFromAttribute(id) {
    const match = id.startsWith('wpd-comm-') ? /^wpd-comm-(\d+)_(\d+)$/.exec(id) : null;
    return match ? { id: Number(match[1]), parentId: Number(match[2]) } : null;
  },
  depthClass: 'wpd_comment_level-',
  parentLinks: ['.wpd-reply-to'],
  authors: ['.wpd-comment-author'],
  pendingNotes: ['.wpd-unapproved-comment', '.wpd-unapproved'],
  sections: ['#wpdcom', '.wpdiscuz_top_clearing', '#wpd-threads'],
  replyForms: ['#wpdcom form.wpd_comm_form', '#wpdcom form'],
};
