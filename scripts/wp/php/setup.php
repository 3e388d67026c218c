<?php
/**
 * One-shot setup script for the Freigabe demo and test WordPress. The Node side copies it into
 * the WordPress folder under a random name, requests it once over HTTP (the same way on the
 * native and the Playground backend) and deletes it again.
 *
 *   ?action=seed   — settings, theme, users with Application Passwords, posts and comments from
 *                    the JSON file next to this script; answers with the credentials and ids.
 *   ?action=theme&theme=<slug> — switch the theme.
 *   ?action=bulk&post=<id>&count=<n>&status=<hold|approved|spam|trash> — many comments at once.
 *   ?action=scenarios&names=<a,b> — the test scenarios that are active (mu-plugin freigabe-scenarios).
 *   ?action=options&options=<json> — set options (null deletes one), then flush the rewrite rules.
 *   ?action=bridge&active=<1|0> — activate or deactivate the Freigabe Bridge plugin (as Plugins does).
 */
// Scenarios that lock the site (a staging password, a firewall) never lock out its own setup.
define('FREIGABE_SETUP', true);
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/comment.php';

header('Content-Type: application/json; charset=utf-8');

function freigabe_fail($message) {
    http_response_code(500);
    echo json_encode(array('error' => $message));
    exit;
}

function freigabe_status_value($status) {
    $map = array('approved' => '1', 'hold' => '0', 'spam' => 'spam', 'trash' => 'trash');
    return $map[$status];
}

function freigabe_date($minutes_ago) {
    $gmt = gmdate('Y-m-d H:i:s', time() - 60 * $minutes_ago);
    return array(get_date_from_gmt($gmt), $gmt);
}

function freigabe_insert_comment($post_id, $comment, $parent_id, $user_id) {
    list($local, $gmt) = freigabe_date($comment['minutesAgo']);
    $id = wp_insert_comment(array(
        'comment_post_ID' => $post_id,
        'comment_parent' => $parent_id,
        'comment_author' => $comment['author'],
        'comment_author_email' => $comment['email'],
        'comment_author_url' => isset($comment['url']) ? $comment['url'] : '',
        'comment_author_IP' => $comment['ip'],
        'comment_agent' => $comment['userAgent'],
        'comment_content' => $comment['content'],
        'comment_type' => $comment['type'],
        'comment_approved' => freigabe_status_value($comment['status']),
        'comment_date' => $local,
        'comment_date_gmt' => $gmt,
        'user_id' => $user_id,
    ));
    if (!$id) {
        freigabe_fail('could not insert comment ' . $comment['key']);
    }
    if ($comment['status'] === 'trash' || $comment['status'] === 'spam') {
        // What wp_trash_comment()/wp_spam_comment() record, so untrash/unspam can restore it.
        add_comment_meta($id, '_wp_trash_meta_status', '0');
        add_comment_meta($id, '_wp_trash_meta_time', time());
    }
    return $id;
}

/** A site's settings as the demo wants them: moderation on, pretty permalinks, the theme, no sample posts. */
function freigabe_site_settings($title, $theme) {
    global $wp_rewrite;
    update_option('blogname', $title);
    update_option('blogdescription', 'Ein Blog über Arbeit, Kommunikation und Karriere');
    update_option('comment_moderation', '1');
    update_option('comment_previously_approved', '0');
    update_option('comment_registration', '0');
    update_option('require_name_email', '1');
    update_option('thread_comments', '1');
    update_option('thread_comments_depth', '5');
    update_option('page_comments', '0');
    update_option('default_pingback_flag', '0');
    update_option('comments_notify', '0');
    update_option('moderation_notify', '0');
    update_option('show_avatars', '0');
    update_option('timezone_string', 'Europe/Berlin');
    // A sub-directory network's main site gets /blog/ in front, so its posts never take a sub-site's path.
    $blog = is_multisite() && !is_subdomain_install() && is_main_site() ? '/blog' : '';
    $wp_rewrite->set_permalink_structure($blog . '/%year%/%monthnum%/%postname%/');
    $wp_rewrite->flush_rules(false);

    if ($theme && wp_get_theme($theme)->exists()) {
        switch_theme($theme);
    }

    // Start from an empty blog: no "Hello world!", no sample page, no sample comment.
    foreach (get_posts(array('post_type' => array('post', 'page'), 'post_status' => 'any', 'numberposts' => -1)) as $old) {
        wp_delete_post($old->ID, true);
    }
}

/** A user's password and a fresh Application Password (kept in user meta: network-wide on a multisite). */
function freigabe_credentials($id, $user, $password) {
    WP_Application_Passwords::delete_all_application_passwords($id);
    $created = WP_Application_Passwords::create_new_application_password($id, array('name' => 'Freigabe demo'));
    if (is_wp_error($created)) {
        freigabe_fail('application password: ' . $created->get_error_message());
    }
    return array(
        'key' => $user['key'],
        'id' => $id,
        'login' => $user['login'],
        'password' => $password,
        'applicationPassword' => $created[0],
        'displayName' => $user['displayName'],
    );
}

/** Posts with their comments; answers the posts and the comment ids by key. */
function freigabe_seed_posts($input_posts, $user_ids) {
    $posts = array();
    $comment_ids = array();
    foreach ($input_posts as $post) {
        $date_gmt = gmdate('Y-m-d H:i:s', time() - 86400 * $post['daysAgo']);
        $post_id = wp_insert_post(array(
            'post_title' => $post['title'],
            'post_name' => $post['slug'],
            'post_content' => $post['content'],
            'post_status' => 'publish',
            'post_author' => $user_ids[$post['author']],
            'post_date' => get_date_from_gmt($date_gmt),
            'post_date_gmt' => $date_gmt,
            'comment_status' => 'open',
            'ping_status' => 'open',
        ), true);
        if (is_wp_error($post_id)) {
            freigabe_fail('post ' . $post['slug'] . ': ' . $post_id->get_error_message());
        }
        foreach ($post['comments'] as $comment) {
            $parent = isset($comment['parent']) ? $comment_ids[$comment['parent']] : 0;
            $user_id = isset($comment['user']) ? $user_ids[$comment['user']] : 0;
            $comment_ids[$comment['key']] = freigabe_insert_comment($post_id, $comment, $parent, $user_id);
        }
        wp_update_comment_count_now($post_id);
        $posts[] = array(
            'key' => $post['key'],
            'id' => $post_id,
            'link' => get_permalink($post_id),
            'author' => (int) $user_ids[$post['author']],
        );
    }
    return array($posts, $comment_ids);
}

function freigabe_seed() {
    $input = json_decode(file_get_contents(__DIR__ . '/freigabe-demo.json'), true);
    if (!is_array($input)) {
        freigabe_fail('freigabe-demo.json is missing or not JSON');
    }
    freigabe_site_settings('Freigabe Demo', $input['theme']);

    $users = array();
    foreach ($input['users'] as $user) {
        $password = wp_generate_password(20, false);
        $existing = get_user_by('login', $user['login']);
        $fields = array(
            'user_login' => $user['login'],
            'user_pass' => $password,
            'user_email' => $user['email'],
            'display_name' => $user['displayName'],
            'nickname' => $user['displayName'],
            'first_name' => explode(' ', $user['displayName'])[0],
            'role' => $user['role'],
        );
        if ($existing) {
            $fields['ID'] = $existing->ID;
            $id = wp_update_user($fields);
        } else {
            $id = wp_insert_user($fields);
        }
        if (is_wp_error($id)) {
            freigabe_fail('user ' . $user['login'] . ': ' . $id->get_error_message());
        }
        $users[] = array_merge(freigabe_credentials($id, $user, $password), array('role' => $user['role']));
    }
    $user_ids = array();
    foreach ($users as $user) {
        $user_ids[$user['key']] = $user['id'];
    }
    list($posts, $comment_ids) = freigabe_seed_posts($input['posts'], $user_ids);

    $note_ids = freigabe_seed_notes($input['notes'], $posts, $user_ids);

    update_option('freigabe_seeded', gmdate('c'));
    $seeded = array(
        'users' => $users,
        'posts' => $posts,
        'comments' => $comment_ids,
        'notes' => (object) $note_ids,
        'theme' => get_stylesheet(),
    );
    if (!empty($input['network'])) {
        if (!is_multisite()) {
            freigabe_fail('a network was asked for, but this WordPress is not a multisite');
        }
        $seeded['network'] = freigabe_seed_network($input['network'], $input['theme'], $user_ids);
    }
    return $seeded;
}

/**
 * The sub-sites of a sub-directory network (wpmu_create_blog, as Network Admin → Sites → Add New),
 * each with its own posts and comments, and the network's users with a role per sub-site.
 */
function freigabe_seed_network($network, $theme, $user_ids) {
    global $wp_rewrite;
    $users = array();
    foreach ($network['users'] as $user) {
        $password = wp_generate_password(20, false);
        $existing = get_user_by('login', $user['login']);
        // Created as the network admin creates users: a member of no site until added to one.
        $id = $existing ? $existing->ID : wpmu_create_user($user['login'], $password, $user['email']);
        if (!$id) {
            freigabe_fail('network user ' . $user['login']);
        }
        wp_update_user(array('ID' => $id, 'user_pass' => $password, 'display_name' => $user['displayName'], 'nickname' => $user['displayName']));
        $users[] = array_merge(freigabe_credentials($id, $user, $password), array('roles' => (object) $user['roles']));
        $user_ids[$user['key']] = $id;
    }
    $domain = get_network()->domain;
    update_site_option('allowedthemes', array($theme => true));
    $sites = array();
    foreach ($network['sites'] as $site) {
        $path = '/' . $site['path'] . '/';
        foreach (get_sites(array('domain' => $domain, 'path' => $path)) as $old) {
            wp_delete_site($old->blog_id);
        }
        $blog_id = wpmu_create_blog($domain, $path, $site['title'], $user_ids['admin']);
        if (is_wp_error($blog_id)) {
            freigabe_fail('site ' . $path . ': ' . $blog_id->get_error_message());
        }
        if (get_site($blog_id)->domain !== $domain) {
            // Older WordPress (6.1 to 6.5 at least) drops the port from a new site's domain
            // (real networks serve port 80/443, ours a test port): put it back, and the URLs.
            global $wpdb;
            $wpdb->update($wpdb->blogs, array('domain' => $domain), array('blog_id' => $blog_id));
            clean_blog_cache($blog_id);
            update_blog_option($blog_id, 'home', untrailingslashit('http://' . $domain . $path));
            update_blog_option($blog_id, 'siteurl', untrailingslashit('http://' . $domain . $path));
        }
        switch_to_blog($blog_id);
        freigabe_site_settings($site['title'], $theme);
        foreach ($network['users'] as $user) {
            if (isset($user['roles'][$site['key']])) {
                add_user_to_blog($blog_id, $user_ids[$user['key']], $user['roles'][$site['key']]);
            }
        }
        list($posts, $comment_ids) = freigabe_seed_posts($site['posts'], $user_ids);
        $sites[] = array(
            'key' => $site['key'],
            'blogId' => $blog_id,
            'url' => home_url(),
            'name' => get_option('blogname'),
            'posts' => $posts,
            'comments' => $comment_ids,
        );
        restore_current_blog();
    }
    $wp_rewrite->init();
    return array('users' => $users, 'sites' => $sites);
}

/**
 * Editor notes as the block editor writes them (POST /wp/v2/comments with type=note: approved,
 * by the signed-in user, no commenter address or IP); only where the core has notes (6.9+).
 */
function freigabe_seed_notes($notes, $posts, $user_ids) {
    if (version_compare(get_bloginfo('version'), '6.9', '<')) {
        return array();
    }
    $post_ids = array();
    foreach ($posts as $post) {
        $post_ids[$post['key']] = $post['id'];
    }
    $ids = array();
    foreach ($notes as $index => $note) {
        $user = get_userdata($user_ids[$note['user']]);
        list($local, $gmt) = freigabe_date(30 - $index);
        $id = wp_insert_comment(array(
            'comment_post_ID' => $post_ids[$note['post']],
            'comment_parent' => isset($note['parent']) ? $ids[$note['parent']] : 0,
            'comment_author' => $user->display_name,
            'comment_author_email' => $user->user_email,
            'comment_content' => $note['content'],
            'comment_type' => 'note',
            'comment_approved' => '1',
            'comment_date' => $local,
            'comment_date_gmt' => $gmt,
            'user_id' => $user->ID,
        ));
        if (!$id) {
            freigabe_fail('could not insert note ' . $note['key']);
        }
        if (!empty($note['resolved'])) {
            add_comment_meta($id, '_wp_note_status', 'resolved');
        }
        if ($note['status'] === 'trash') {
            wp_trash_comment($id);
        }
        $ids[$note['key']] = $id;
    }
    foreach ($post_ids as $post_id) {
        wp_update_comment_count_now($post_id);
    }
    return $ids;
}

function freigabe_bulk() {
    $post_id = (int) $_GET['post'];
    $count = min(50000, max(1, (int) $_GET['count']));
    $status = isset($_GET['status']) ? $_GET['status'] : 'hold';
    // Another comment type (e.g. 'note', an editor note as WordPress 6.9+ stores it).
    $type = isset($_GET['type']) && preg_match('/^[a-z_-]{1,20}$/', $_GET['type']) ? $_GET['type'] : 'comment';
    if (!get_post($post_id)) {
        freigabe_fail('no post ' . $post_id);
    }
    wp_defer_comment_counting(true);
    $ids = array();
    for ($i = 0; $i < $count; $i++) {
        $ids[] = freigabe_insert_comment($post_id, array(
            'key' => 'bulk-' . $i,
            'author' => 'Leser ' . $i,
            'email' => 'leser' . $i . '@example.org',
            'ip' => '198.51.100.' . ($i % 250 + 1),
            'userAgent' => 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
            'type' => $type,
            'status' => $status,
            'minutesAgo' => $count - $i,
            'content' => 'Kommentar Nummer ' . $i . ': Ein Gedanke zum Artikel, der auf Freigabe wartet.',
        ), 0, 0);
    }
    wp_defer_comment_counting(false);
    return array('post' => $post_id, 'first' => $ids[0], 'last' => end($ids), 'count' => $count);
}

$action = isset($_GET['action']) ? $_GET['action'] : '';
if ($action === 'seed') {
    echo json_encode(freigabe_seed());
} elseif ($action === 'theme') {
    $theme = isset($_GET['theme']) ? $_GET['theme'] : '';
    if (!wp_get_theme($theme)->exists()) {
        freigabe_fail('no theme ' . $theme);
    }
    switch_theme($theme);
    echo json_encode(array('theme' => get_stylesheet()));
} elseif ($action === 'bulk') {
    echo json_encode(freigabe_bulk());
} elseif ($action === 'scenarios') {
    $names = array_values(array_filter(explode(',', isset($_GET['names']) ? $_GET['names'] : '')));
    update_option('freigabe_scenarios', $names);
    delete_option('rewrite_rules');
    echo json_encode(array('scenarios' => $names));
} elseif ($action === 'options') {
    $options = json_decode(isset($_GET['options']) ? wp_unslash($_GET['options']) : '', true);
    if (!is_array($options)) {
        freigabe_fail('options must be a JSON object');
    }
    foreach ($options as $name => $value) {
        if (null === $value) {
            delete_option($name);
        } else {
            update_option($name, $value);
        }
    }
    // Permalink structure and REST prefix changes take effect only with fresh rewrite rules.
    delete_option('rewrite_rules');
    echo json_encode(array('options' => array_keys($options)));
} elseif ($action === 'bridge') {
    require_once ABSPATH . 'wp-admin/includes/plugin.php';
    $plugin = 'freigabe-bridge/freigabe-bridge.php';
    if (!empty($_GET['active'])) {
        $activated = activate_plugin($plugin);
        if (is_wp_error($activated)) {
            freigabe_fail('Freigabe Bridge: ' . $activated->get_error_message());
        }
    } else {
        deactivate_plugins($plugin, true);
    }
    echo json_encode(array('active' => is_plugin_active($plugin)));
} else {
    freigabe_fail('unknown action');
}
