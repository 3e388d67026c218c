<?php
/**
 * The REST API restricted by capability, as Solid Security (formerly iThemes Security, also sold
 * as Kadence Security) does with its recommended "REST API: Restricted Access" setting (WordPress
 * Tweaks): `ITSEC_WordPress_Tweaks::filter_rest_dispatch_request` (core/modules/wordpress-tweaks/
 * class-itsec-wordpress-tweaks.php) runs on `rest_dispatch_request`, after WordPress's own
 * permission checks, and refuses the `wp/v2` object routes to users without the capability the
 * route is about: comments → `moderate_comments`, users (except `users/me`) → `list_users`,
 * types and statuses → `edit_posts`, taxonomies → `edit_terms`, a post type → its `edit_posts`.
 * The answer is `itsec_rest_api_access_restricted`, 401 for visitors and 403 for signed-in users
 * (`rest_authorization_required_code()`), as live sites show it ("Access to REST API requests is
 * restricted by Solid Security settings"). An author may therefore sign in and read `users/me`,
 * but gets 403 from every comments route, also for comments on their own posts.
 */
add_filter('rest_dispatch_request', function ($result, $request, $route, $handler) {
    $parts = explode('/', trim($request->get_route(), '/'));
    if ($parts[0] !== 'wp' || !isset($parts[2]) || $parts[2] === 'settings') {
        return $result;
    }
    $refuse = new WP_Error(
        'itsec_rest_api_access_restricted',
        'You do not have sufficient permission to access this endpoint. Access to REST API requests is restricted by Solid Security settings.',
        array('status' => rest_authorization_required_code())
    );
    $caps = array('comments' => 'moderate_comments', 'statuses' => 'edit_posts', 'taxonomies' => 'edit_terms', 'types' => 'edit_posts');
    if (isset($caps[$parts[2]])) {
        return current_user_can($caps[$parts[2]]) ? $result : $refuse;
    }
    if ($parts[2] === 'users') {
        return (isset($parts[3]) && $parts[3] === 'me') || current_user_can('list_users') ? $result : $refuse;
    }
    $controller = is_array($handler['callback']) && is_object($handler['callback'][0]) ? $handler['callback'][0] : null;
    if ($controller instanceof WP_REST_Posts_Controller) {
        foreach (get_post_types(array(), 'objects') as $type) {
            if ((isset($type->rest_base) && $type->rest_base === $parts[2]) || $type->name === $parts[2]) {
                return current_user_can($type->cap->edit_posts) ? $result : $refuse;
            }
        }
    }
    return $result;
}, 10, 4);
