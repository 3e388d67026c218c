<?php
// Recounts what WordPress keeps about comments after the flood bench changed its table by SQL:
// each post's comment_count (wp_update_comment_count, as WordPress does after a change) and the
// site's counts per status (wp_count_comments), printed as JSON.
//   php flood-recount.php <core folder> <home url> <post id,post id,…>
$freigabe_home = $argv[2];
$_SERVER['HTTP_HOST'] = parse_url($freigabe_home, PHP_URL_HOST) . (parse_url($freigabe_home, PHP_URL_PORT) ? ':' . parse_url($freigabe_home, PHP_URL_PORT) : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
require rtrim($argv[1], '/') . '/wp-load.php';

$posts = array();
foreach (array_filter(explode(',', $argv[3])) as $post_id) {
    wp_update_comment_count((int) $post_id);
    clean_post_cache((int) $post_id);
    $posts[(int) $post_id] = (int) get_post((int) $post_id)->comment_count;
}
delete_transient('wp_count_comments');
wp_cache_delete('comments-0', 'counts');
$counts = wp_count_comments();
echo json_encode(array(
    'posts' => $posts,
    'moderated' => (int) $counts->moderated,
    'approved' => (int) $counts->approved,
    'spam' => (int) $counts->spam,
    'trash' => (int) $counts->trash,
));
