<?php
/**
 * For the tests, not a setup of real blogs: two requests trashing the same comment at once — a bulk
 * request sent again by a client whose first one timed out while WordPress still worked on it. A
 * comment whose text contains "[another request first]" is moved to the Trash by "the other
 * request" (straight in the database, as another PHP process would, leaving this one's object cache
 * as it was) just before this request's own wp_set_comment_status() runs, which then changes no row.
 */
add_action(
    'trash_comment',
    function ($id, $comment) {
        global $wpdb;
        if (false === strpos((string) $comment->comment_content, '[another request first]')) {
            return;
        }
        $wpdb->update($wpdb->comments, array('comment_approved' => 'trash'), array('comment_ID' => (int) $id));
    },
    10,
    2
);
