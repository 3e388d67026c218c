<?php
/**
 * Plugin Name: Freigabe offline demo
 * Description: Keeps the demo/test WordPress fully offline and deterministic: no outgoing HTTP,
 * no mail, no emoji or avatar requests from pages.
 */
add_filter('pre_http_request', function ($pre, $args, $url) {
    $host = parse_url($url, PHP_URL_HOST);
    if (in_array($host, array('127.0.0.1', 'localhost', '[::1]'), true)) {
        return $pre;
    }
    return new WP_Error('http_request_blocked', 'Outgoing requests are blocked on this demo site.');
}, 10, 3);
add_filter('pre_wp_mail', '__return_false');
remove_action('wp_head', 'print_emoji_detection_script', 7);
remove_action('admin_print_scripts', 'print_emoji_detection_script');
remove_action('wp_print_styles', 'print_emoji_styles');
remove_action('admin_print_styles', 'print_emoji_styles');
add_filter('pre_option_show_avatars', '__return_zero');
add_filter('wp_resource_hints', '__return_empty_array');
add_filter('pre_site_transient_update_core', '__return_null');
add_filter('pre_site_transient_update_plugins', '__return_null');
add_filter('pre_site_transient_update_themes', '__return_null');
add_filter('pre_site_transient_php_check_' . md5(PHP_VERSION), '__return_empty_array');
add_filter('pre_site_transient_browser_' . md5(isset($_SERVER['HTTP_USER_AGENT']) ? $_SERVER['HTTP_USER_AGENT'] : ''), '__return_empty_array');
add_filter('enable_loading_advanced_cache_dropin', '__return_false');
