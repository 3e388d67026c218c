<?php
// Where a bulk request's server time goes, measured inside WordPress (PHP CLI, no HTTP): the same
// pending comments changed by wp-admin's bulk loop (wp-admin/edit-comments.php: current_user_can +
// the WordPress function, inside deferred counting), by the Freigabe Bridge's bulk route (through
// rest_do_request: the REST dispatch, its argument checks, the outcome per id) and the Bridge's id
// listing. Prints JSON: milliseconds, queries and actions fired per comment for each.
//   php bulk-profile.php <core folder> <home url> <user id> <action> <mode> <id,id,…>
//   mode: wp-admin | bridge | ids
define('SAVEQUERIES', true);
$freigabe_home = $argv[2];
$_SERVER['HTTP_HOST'] = parse_url($freigabe_home, PHP_URL_HOST) . (parse_url($freigabe_home, PHP_URL_PORT) ? ':' . parse_url($freigabe_home, PHP_URL_PORT) : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
require rtrim($argv[1], '/') . '/wp-load.php';

wp_set_current_user((int) $argv[3]);
$action = $argv[4];
$mode = $argv[5];
$ids = array_map('intval', array_filter(explode(',', $argv[6])));

global $wpdb, $wp_actions;
$hooks = array();
// Time spent in the callbacks of a few hooks that fire per comment (the 'all' hook sees every one).
$timed = array();
add_action('all', function ($tag) use (&$hooks) {
    $hooks[$tag] = ($hooks[$tag] ?? 0) + 1;
});
$actions_before = $wp_actions;
$queries_before = count($wpdb->queries);
$started = microtime(true);
$status = null;
if ('wp-admin' === $mode) {
    wp_defer_comment_counting(true);
    foreach ($ids as $id) {
        if (!current_user_can('edit_comment', $id)) continue;
        switch ($action) {
            case 'approve': wp_set_comment_status($id, 'approve'); break;
            case 'trash': wp_trash_comment($id); break;
            case 'spam': wp_spam_comment($id); break;
        }
    }
    wp_defer_comment_counting(false);
} elseif ('bridge' === $mode) {
    $expect = array();
    foreach ($ids as $id) $expect[$id] = 'hold';
    $request = new WP_REST_Request('POST', '/freigabe/v1/comments/bulk');
    $request->set_header('Content-Type', 'application/json');
    $request->set_body(wp_json_encode(array('action' => $action, 'ids' => $ids, 'expect' => $expect)));
    $response = rest_do_request($request);
    $status = $response->get_status();
    $body = wp_json_encode(rest_get_server()->response_to_data($response, false));
} else {
    $request = new WP_REST_Request('GET', '/freigabe/v1/comments/ids');
    $request->set_query_params(array('status' => 'hold', 'type' => 'all', 'after_id' => 0, 'per_page' => count($ids) ?: 1000));
    $response = rest_do_request($request);
    $status = $response->get_status();
}
$ms = (microtime(true) - $started) * 1000;
$queries = array_slice($wpdb->queries, $queries_before);
$db_ms = 0;
$by_kind = array();
foreach ($queries as $q) {
    $db_ms += $q[1] * 1000;
    $kind = strtok(trim($q[0]), ' ');
    $table = preg_match('/(?:FROM|INTO|UPDATE)\s+`?(\w+)`?/i', $q[0], $m) ? $m[1] : '?';
    $key = $kind . ' ' . $table;
    $by_kind[$key] = ($by_kind[$key] ?? 0) + 1;
}
arsort($by_kind);
arsort($hooks);
$n = max(1, count($ids));
echo wp_json_encode(array(
    'mode' => $mode,
    'n' => count($ids),
    'status' => $status,
    'ms' => round($ms, 1),
    'msPerComment' => round($ms / $n, 3),
    'queries' => count($queries),
    'queriesPerComment' => round(count($queries) / $n, 2),
    'dbMs' => round($db_ms, 1),
    'queryKinds' => array_slice($by_kind, 0, 12, true),
    'hooksPerComment' => array_map(function ($c) use ($n) { return round($c / $n, 2); }, array_slice($hooks, 0, 40, true)),
    'akismetActive' => is_plugin_active_for_profile('akismet/akismet.php'),
    'bridgeActive' => class_exists('Freigabe_Bridge_Bulk_Route'),
)) . "\n";

function is_plugin_active_for_profile($plugin) {
    return in_array($plugin, (array) get_option('active_plugins', array()), true);
}
