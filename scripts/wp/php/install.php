<?php
// Installs WordPress in the folder given as the first argument (native backend, PHP CLI).
// Idempotent: does nothing when the site is installed already.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
require rtrim($argv[1], '/') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (is_blog_installed()) {
    echo "installed already\n";
    exit(0);
}
$result = wp_install('Freigabe Demo', 'admin', 'admin@freigabe.test', false, '', wp_generate_password(24, false));
echo "installed: user " . $result['user_id'] . "\n";
