/**
 * WordPress's limit on a comment's text (`wp_get_comment_fields_max_lengths()`: the
 * comment_content column, 65,525 bytes): the background refuses longer replies, edits and drafts.
 */
export const commentMaxLength = 65_525;
