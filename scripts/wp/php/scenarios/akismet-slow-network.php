<?php
/**
 * A slow route to Akismet: every call to rest.akismet.com takes `freigabe_akismet_delay_seconds`
 * (default 10) before Akismet's answer arrives — inside Akismet's own 15 s timeout
 * (class.akismet.php `http_post`: `'timeout' => 15`), so the report succeeds, late. Akismet makes
 * that call synchronously while WordPress handles the moderation request (its
 * `transition_comment_status` hook, REST requests included), so a spam or not-spam decision waits
 * for it. Use together with the scenario `akismet`.
 */
add_filter('pre_http_request', function ($pre, $args, $url) {
    if (parse_url($url, PHP_URL_HOST) !== 'rest.akismet.com') {
        return $pre;
    }
    sleep(max(0, (int) get_option('freigabe_akismet_delay_seconds', 10)));
    $path = (string) parse_url($url, PHP_URL_PATH);
    // What Akismet answers: submit-spam/submit-ham thank you, comment-check "false" (not spam).
    $body = preg_match('#/submit-(spam|ham)$#', $path) ? 'Thanks for making the web a better place.' : 'false';
    return array(
        'headers' => array(),
        'body' => $body,
        'response' => array('code' => 200, 'message' => 'OK'),
        'cookies' => array(),
        'filename' => null,
    );
}, 30, 3);
