<?php
/**
 * A staging site locked with a password of its web server, as an `.htpasswd` lock does (Apache
 * `AuthType Basic` + `Require valid-user`, https://httpd.apache.org/docs/2.4/howto/auth.html; the
 * "password protect directories" of cPanel/Plesk, and staging copies at many hosts): every request
 * without `Authorization: Basic` for the staging user gets `401` with
 * `WWW-Authenticate: Basic realm="Staging"` and an HTML body — pages, wp-login.php, wp-admin,
 * admin-ajax.php, xmlrpc.php and the REST API alike. A request with the staging password passes,
 * and WordPress sees it as `PHP_AUTH_USER` (as with mod_php), which is why its authorize screen
 * then refuses ("Your website appears to use Basic Authentication"). Static files are served by
 * the test server directly and are not locked here; nothing of ours needs them.
 * The staging login is `staging` / `freigabe-staging` (scripts/wp/scenarios.ts: stagingLogin).
 */
$freigabe_staging_user = isset($_SERVER['PHP_AUTH_USER']) ? $_SERVER['PHP_AUTH_USER'] : null;
$freigabe_staging_pass = isset($_SERVER['PHP_AUTH_PW']) ? $_SERVER['PHP_AUTH_PW'] : null;
if ($freigabe_staging_user === null && isset($_SERVER['HTTP_AUTHORIZATION']) && stripos($_SERVER['HTTP_AUTHORIZATION'], 'basic ') === 0) {
    $freigabe_staging_pair = explode(':', (string) base64_decode(substr($_SERVER['HTTP_AUTHORIZATION'], 6)), 2);
    if (count($freigabe_staging_pair) === 2) {
        list($freigabe_staging_user, $freigabe_staging_pass) = $freigabe_staging_pair;
    }
}
if ($freigabe_staging_user !== 'staging' || $freigabe_staging_pass !== 'freigabe-staging') {
    status_header(401);
    header('WWW-Authenticate: Basic realm="Staging"');
    header('Content-Type: text/html; charset=iso-8859-1');
    echo "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>401 Unauthorized</title>\n</head><body>\n<h1>Unauthorized</h1>\n<p>This server could not verify that you are authorized to access the document requested.</p>\n</body></html>\n";
    exit;
}
unset($freigabe_staging_user, $freigabe_staging_pass, $freigabe_staging_pair);
