<?php
// Installs WordPress in the folder given as the first argument (native backend, PHP CLI).
// Idempotent: does nothing when the site is installed already.
//   php install.php <core folder> [<layout> <home url> <siteurl>]
// own-directory and multisite: the main site's options `home` and `siteurl` (Settings → General) are
// set on every start.
// multisite: turns the site into a sub-directory network the way wp-admin/network.php does
// (install_network() + populate_network()); wp-config.php gets the MULTISITE constants afterwards.
define('WP_INSTALLING', true);
$freigabe_layout = isset($argv[2]) ? $argv[2] : 'standard';
$freigabe_home = isset($argv[3]) ? $argv[3] : 'http://127.0.0.1';
$freigabe_siteurl = isset($argv[4]) ? $argv[4] : $freigabe_home;
$freigabe_host = parse_url($freigabe_home, PHP_URL_HOST) . (parse_url($freigabe_home, PHP_URL_PORT) ? ':' . parse_url($freigabe_home, PHP_URL_PORT) : '');
$_SERVER['HTTP_HOST'] = $freigabe_host;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
require rtrim($argv[1], '/') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (is_blog_installed()) {
    echo "installed already\n";
} else {
    $result = wp_install('Freigabe Demo', 'admin', 'admin@freigabe.test', false, '', wp_generate_password(24, false));
    echo "installed: user " . $result['user_id'] . "\n";
}
if ('standard' !== $freigabe_layout) {
    // (the standard site pins both by constant in wp-config.php)
    update_option('home', $freigabe_home);
    update_option('siteurl', $freigabe_siteurl);
}
if ('multisite' === $freigabe_layout && !$wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->base_prefix . 'site'))) {
    // What wp-admin/network.php does before it offers the constants: the network tables are
    // referenced by hand while the site is not a multisite yet.
    foreach ($wpdb->tables('ms_global') as $table => $prefixed_table) {
        $wpdb->$table = $prefixed_table;
    }
    install_network();
    $network = populate_network(1, $freigabe_host, 'admin@freigabe.test', 'Freigabe Netzwerk', '/', false);
    if (is_wp_error($network)) {
        fwrite(STDERR, 'populate_network: ' . $network->get_error_message() . "\n");
        exit(1);
    }
    echo "network installed\n";
}
