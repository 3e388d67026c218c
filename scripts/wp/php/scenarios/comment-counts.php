<?php
/**
 * For the tests, not a setup of real blogs: the comment counts WordPress keeps apart from the
 * comments themselves — a post's `comment_count` column (approved comments, what themes print
 * as "12 Kommentare") and `wp_count_comments()` (wp-admin's status counts) — which REST does not
 * show. An administrator reads them at /wp-json/freigabe-test/v1/counts/<post id>. Bulk changes
 * made inside deferred counting must leave them right.
 */
add_action('rest_api_init', function () {
    register_rest_route('freigabe-test/v1', '/counts/(?P<id>\d+)', array(
        'methods' => 'GET',
        'permission_callback' => function () {
            return current_user_can('manage_options');
        },
        'callback' => function ($request) {
            $id = (int) $request['id'];
            clean_post_cache($id);
            $counts = wp_count_comments($id);
            return array(
                'commentCount' => (int) get_post($id)->comment_count,
                'approved' => (int) $counts->approved,
                'moderated' => (int) $counts->moderated,
                'spam' => (int) $counts->spam,
                'trash' => (int) $counts->trash,
            );
        },
    ));
});
