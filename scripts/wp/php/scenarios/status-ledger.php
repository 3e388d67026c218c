<?php
/**
 * Not a real plugin's behaviour: the test's own witness of what happened to comments on the server.
 * Every status change WordPress makes (`transition_comment_status`, fired by
 * `wp_transition_comment_status()` for REST updates, wp-admin's list screen and bulk actions
 * alike — wp-includes/comment.php), a permanent delete included (`wp_delete_comment()` fires it
 * with 'delete'), is written, one row each, to the table `{prefix}freigabe_ledger`, so a test can
 * tell "changed exactly once" from "changed twice". A request that sets the status a comment
 * already has fires no transition (as in WordPress): a replayed idempotent change leaves no row;
 * a change that was undone and done again leaves two.
 *
 * An administrator reads it at GET /wp-json/freigabe-test/v1/ledger (`?since=<row id>`) and
 * empties it with DELETE.
 */
function freigabe_ledger_table()
{
    global $wpdb;
    $table = $wpdb->prefix . 'freigabe_ledger';
    static $created = false;
    if (!$created) {
        $wpdb->query(
            "CREATE TABLE IF NOT EXISTS {$table} (
                id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
                comment_id BIGINT UNSIGNED NOT NULL,
                old_status VARCHAR(20) NOT NULL,
                new_status VARCHAR(20) NOT NULL,
                user_id BIGINT UNSIGNED NOT NULL,
                at DOUBLE NOT NULL,
                KEY comment_id (comment_id)
            )"
        );
        $created = true;
    }
    return $table;
}

function freigabe_ledger_write($comment_id, $old, $new)
{
    global $wpdb;
    $wpdb->insert(freigabe_ledger_table(), array(
        'comment_id' => (int) $comment_id,
        'old_status' => (string) $old,
        'new_status' => (string) $new,
        'user_id' => get_current_user_id(),
        'at' => microtime(true),
    ));
}

// wp_delete_comment() transitions to 'delete' before it removes the row: recorded as 'deleted'.
add_action('transition_comment_status', function ($new, $old, $comment) {
    freigabe_ledger_write($comment->comment_ID, $old, $new === 'delete' ? 'deleted' : $new);
}, 10, 3);

add_action('rest_api_init', function () {
    register_rest_route('freigabe-test/v1', '/ledger', array(
        array(
            'methods' => 'GET',
            'permission_callback' => function () {
                return current_user_can('manage_options');
            },
            'callback' => function (WP_REST_Request $request) {
                global $wpdb;
                $table = freigabe_ledger_table();
                $since = (int) $request->get_param('since');
                $rows = $wpdb->get_results(
                    $wpdb->prepare("SELECT id, comment_id, old_status, new_status, user_id, at FROM {$table} WHERE id > %d ORDER BY id", $since),
                    ARRAY_A
                );
                return array_map(function ($row) {
                    return array(
                        'id' => (int) $row['id'],
                        'comment' => (int) $row['comment_id'],
                        'from' => $row['old_status'],
                        'to' => $row['new_status'],
                        'user' => (int) $row['user_id'],
                        'at' => (float) $row['at'],
                    );
                }, $rows);
            },
        ),
        array(
            'methods' => 'DELETE',
            'permission_callback' => function () {
                return current_user_can('manage_options');
            },
            'callback' => function () {
                global $wpdb;
                $wpdb->query('TRUNCATE TABLE ' . freigabe_ledger_table());
                return array('emptied' => true);
            },
        ),
    ));
});
