<?php
/**
 * The REST API closed to visitors and its discovery links removed, as the plugin "Disable WP REST
 * API" by Jeff Starr does (https://wordpress.org/plugins/disable-wp-rest-api/, 100,000+ sites; its
 * readme: logged-out requests get "rest_login_required: REST API restricted to authenticated
 * users."): it removes `rest_output_link_header` (the `Link: <…/wp-json/>; rel="https://api.w.org/"`
 * header), `rest_output_link_wp_head` (the `<link rel="https://api.w.org/">` and the article's JSON
 * alternate link) and `rest_output_rsd`, and answers every anonymous REST request — the index
 * `/wp-json/` and `?rest_route=/` included — with 401 `rest_login_required`. Signed-in requests
 * (cookie + nonce, or an Application Password) pass: the filter runs at the default priority 10
 * and asks `is_user_logged_in()`.
 */
remove_action('template_redirect', 'rest_output_link_header', 11);
remove_action('wp_head', 'rest_output_link_wp_head', 10);
remove_action('xmlrpc_rsd_apis', 'rest_output_rsd');

add_filter('rest_authentication_errors', function ($access) {
    if (!is_user_logged_in()) {
        return new WP_Error(
            'rest_login_required',
            'REST API restricted to authenticated users.',
            array('status' => rest_authorization_required_code())
        );
    }
    return $access;
});
