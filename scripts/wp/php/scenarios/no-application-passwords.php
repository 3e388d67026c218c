<?php
/**
 * Application Passwords switched off site-wide, as Wordfence does by default (Login Security →
 * "Disable WordPress application passwords", on in new installs: it returns false from
 * `wp_is_application_passwords_available`; https://www.wordfence.com/help/login-security/).
 * WordPress then leaves `authentication.application-passwords` out of the REST index, refuses
 * authorize-application.php and ignores Basic auth (the request is anonymous).
 */
add_filter('wp_is_application_passwords_available', '__return_false');
