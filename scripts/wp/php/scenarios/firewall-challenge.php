<?php
/**
 * A CDN in front of the site that challenges the REST API: Cloudflare's managed challenge (a WAF
 * custom rule or Bot Fight Mode matching /wp-json/, or "I'm Under Attack" mode). Cloudflare
 * answers such a request itself, before it reaches WordPress, with a `403` HTML page ("Just a
 * moment…") that only a browser tab running its JavaScript can pass, and the header
 * `cf-mitigated: challenge` — documented as the way to detect it:
 * https://developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response/
 * Pages (the article a moderator reads) still load; every REST request is challenged, whatever
 * the REST prefix or permalink style (WordPress's own `rest_route` query variable decides).
 */
add_action('parse_request', function ($wp) {
    if (empty($wp->query_vars['rest_route'])) {
        return;
    }
    status_header(403);
    header('Content-Type: text/html; charset=UTF-8');
    header('cf-mitigated: challenge');
    header('Server: cloudflare');
    header('CF-RAY: 8f00c0ffee000000-FRA');
    header('Cache-Control: private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0');
    header_remove('Link');
    header_remove('X-WP-Nonce');
    echo '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
        . '<meta http-equiv="refresh" content="390"></head><body>'
        . '<div class="main-wrapper" role="main"><div class="main-content">'
        . '<h1>' . esc_html(parse_url(home_url(), PHP_URL_HOST)) . '</h1>'
        . '<p>Verifying you are human. This may take a few seconds.</p>'
        . '<noscript>Enable JavaScript and cookies to continue</noscript>'
        . '</div></div><script>window._cf_chl_opt = {cType: "managed"};</script>'
        . '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>'
        . '</body></html>';
    exit;
}, 0);
