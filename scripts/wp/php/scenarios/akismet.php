<?php
/**
 * Akismet active with an API key, as on most blogs that run the bundled plugin (Akismet 5.7.2 in
 * WordPress 7.1: wp-content/plugins/akismet). On a status change made by someone who may moderate
 * — wp-admin's list screen (`admin-ajax.php?action=delete-comment` with `spam=1`/`unspam=1`) and
 * REST requests alike (`REST_REQUEST` counts as an explicit action, class.akismet.php
 * `transition_comment_status`) — it writes `akismet_history` comment meta (`report-spam`,
 * `report-ham`, `status-*`, with the moderator's user_login) and reports the comment to
 * rest.akismet.com synchronously, with the comment row as it is stored (IP, user agent), inside the
 * moderation request (`http_post`, 15 s timeout). Its calls fail fast here: the offline mu-plugin
 * blocks them (slow answers: the scenario `akismet-slow-network`).
 *
 * For the tests, not part of what Akismet does: what it sent is recorded, and an administrator can
 * read a comment's Akismet meta at /wp-json/freigabe-test/v1/akismet/<id> (Akismet keeps its
 * results out of REST).
 */
add_filter('option_active_plugins', function ($plugins) {
    $plugins = is_array($plugins) ? $plugins : array();
    if (!in_array('akismet/akismet.php', $plugins, true)) {
        $plugins[] = 'akismet/akismet.php';
    }
    return $plugins;
});
add_filter('pre_option_wordpress_api_key', function () {
    return 'f3e2d1c0b9a8';
});

/** Every call to Akismet's API, recorded after the offline plugin has answered it. */
add_filter('pre_http_request', function ($pre, $args, $url) {
    if (parse_url($url, PHP_URL_HOST) !== 'rest.akismet.com') {
        return $pre;
    }
    parse_str(is_string($args['body']) ? $args['body'] : '', $sent);
    $calls = get_option('freigabe_akismet_calls', array());
    $calls[] = array(
        'path' => (string) parse_url($url, PHP_URL_PATH),
        'comment_ID' => isset($sent['comment_ID']) ? (int) $sent['comment_ID'] : 0,
        'user_ip' => isset($sent['user_ip']) ? $sent['user_ip'] : (isset($sent['comment_author_IP']) ? $sent['comment_author_IP'] : ''),
        'user_agent' => isset($sent['user_agent']) ? $sent['user_agent'] : (isset($sent['comment_agent']) ? $sent['comment_agent'] : ''),
        'reporter' => isset($sent['reporter']) ? $sent['reporter'] : '',
    );
    update_option('freigabe_akismet_calls', array_slice($calls, -200), false);
    return $pre;
}, 20, 3);

add_action('rest_api_init', function () {
    register_rest_route('freigabe-test/v1', '/akismet/(?P<id>\d+)', array(
        'methods' => 'GET',
        'permission_callback' => function () {
            return current_user_can('manage_options');
        },
        'callback' => function ($request) {
            $id = (int) $request['id'];
            $calls = array_values(array_filter(get_option('freigabe_akismet_calls', array()), function ($call) use ($id) {
                return $call['comment_ID'] === $id;
            }));
            return array(
                'history' => array_map(function ($entry) {
                    return array('event' => $entry['event'], 'user' => isset($entry['user']) ? $entry['user'] : '');
                }, get_comment_meta($id, 'akismet_history')),
                'user' => get_comment_meta($id, 'akismet_user', true),
                'userResult' => get_comment_meta($id, 'akismet_user_result', true),
                'calls' => $calls,
            );
        },
    ));
});
