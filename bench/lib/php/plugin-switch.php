<?php
// Activates or deactivates a plugin of a test WordPress with WordPress's own functions (so its
// activation hooks run, as from the Plugins screen), printing the active plugins as JSON.
//   php plugin-switch.php <core folder> <home url> <activate|deactivate> <plugin file, e.g. freigabe-bridge/freigabe-bridge.php>
$freigabe_home = $argv[2];
$_SERVER['HTTP_HOST'] = parse_url($freigabe_home, PHP_URL_HOST) . (parse_url($freigabe_home, PHP_URL_PORT) ? ':' . parse_url($freigabe_home, PHP_URL_PORT) : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
require rtrim($argv[1], '/') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ('activate' === $argv[3]) {
    $result = activate_plugin($argv[4]);
    if (is_wp_error($result)) {
        fwrite(STDERR, $result->get_error_message() . "\n");
        exit(1);
    }
} else {
    deactivate_plugins($argv[4]);
}
echo json_encode(array_values((array) get_option('active_plugins')));
