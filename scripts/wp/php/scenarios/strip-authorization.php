<?php
/**
 * The Authorization header never reaches WordPress, as with PHP run as CGI/FastCGI behind Apache
 * without `CGIPassAuth On` (https://httpd.apache.org/docs/2.4/mod/core.html#cgipassauth: "the
 * Authorization header … is not passed to CGI scripts" by default) and behind some proxies. The
 * REST API FAQ names it as the usual reason Basic authentication "is not working"
 * (https://developer.wordpress.org/rest-api/frequently-asked-questions/#why-is-authentication-not-working),
 * and Site Health's "The authorization header is missing" test checks for it. Removed here before
 * anything reads it, so a request with an Application Password is anonymous for WordPress. Sign-in
 * data in a request body (wp-login.php, XML-RPC) still arrives.
 */
unset(
    $_SERVER['HTTP_AUTHORIZATION'],
    $_SERVER['REDIRECT_HTTP_AUTHORIZATION'],
    $_SERVER['PHP_AUTH_USER'],
    $_SERVER['PHP_AUTH_PW']
);
