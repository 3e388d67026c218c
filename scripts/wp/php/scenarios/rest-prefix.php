<?php
/**
 * The REST API under a prefix of the site's own instead of /wp-json/: WordPress's `rest_url_prefix`
 * filter (https://developer.wordpress.org/reference/hooks/rest_url_prefix/), which hardening guides
 * and plugins (e.g. "WP Hide & Security Enhancer", "Custom REST URL") use to move the API away from
 * the address bots probe. The discovery links (`Link` header, `<link rel="https://api.w.org/">`)
 * then announce /api/, and /wp-json/ is an ordinary 404 page. Rewrite rules are rebuilt by the
 * scenario switch.
 */
add_filter('rest_url_prefix', function () {
    return 'api';
});
