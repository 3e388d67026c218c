<?php
/**
 * Application Passwords only for administrators, the recipe WordPress's own announcement gives
 * (https://make.wordpress.org/core/2020/11/05/application-passwords-integration-guide/, filter
 * `wp_is_application_passwords_available_for_user`) and what several hardening plugins ship.
 * Editors and authors then get `application_passwords_disabled_for_user` and anonymous Basic auth.
 */
add_filter('wp_is_application_passwords_available_for_user', function ($available, $user) {
    return $available && user_can($user, 'manage_options');
}, 10, 2);
