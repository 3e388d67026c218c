<?php
// Router for PHP's built-in web server: serve existing files as they are, send everything
// else to WordPress (pretty permalinks, /wp-json/…). A WordPress in its own directory needs nothing
// more (its root index.php loads wp/wp-blog-header.php). A sub-directory network
// (FREIGABE_WP_LAYOUT=multisite) gets the rewrites of its .htaccess as well:
// https://developer.wordpress.org/advanced-administration/multisite/create-network/
//   RewriteRule ^([_0-9a-zA-Z-]+/)?wp-admin$ $1wp-admin/ [R=301,L]
//   (existing files and folders are served as they are)
//   RewriteRule ^([_0-9a-zA-Z-]+/)?(wp-(content|admin|includes).*) $2 [L]
//   RewriteRule ^([_0-9a-zA-Z-]+/)?(.*\.php)$ $2 [L]
//   RewriteRule . index.php [L]
$root = $_SERVER['DOCUMENT_ROOT'];
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

/** Runs a PHP script of the site as if the web server had mapped the request to it. */
function freigabe_run_script($root, $script) {
    $_SERVER['SCRIPT_NAME'] = $script;
    $_SERVER['PHP_SELF'] = $script;
    $_SERVER['SCRIPT_FILENAME'] = $root . $script;
    chdir(dirname($root . $script));
    require $root . $script;
    return true;
}

/** Sends a static file (the built-in server serves only the path that was asked for). */
function freigabe_send_file($file) {
    $types = array(
        'css' => 'text/css', 'js' => 'text/javascript', 'json' => 'application/json', 'svg' => 'image/svg+xml',
        'png' => 'image/png', 'gif' => 'image/gif', 'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg',
        'webp' => 'image/webp', 'ico' => 'image/x-icon', 'woff' => 'font/woff', 'woff2' => 'font/woff2',
        'ttf' => 'font/ttf', 'txt' => 'text/plain', 'html' => 'text/html', 'xml' => 'text/xml',
    );
    $extension = strtolower(pathinfo($file, PATHINFO_EXTENSION));
    header('Content-Type: ' . (isset($types[$extension]) ? $types[$extension] : 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}

if ('multisite' === getenv('FREIGABE_WP_LAYOUT') && !file_exists($root . $path)) {
    if (preg_match('#^/([_0-9a-zA-Z-]+/)?wp-admin$#', $path, $match)) {
        header('Location: /' . (isset($match[1]) ? $match[1] : '') . 'wp-admin/', true, 301);
        return true;
    }
    if (preg_match('#^/[_0-9a-zA-Z-]+/((wp-(content|admin|includes).*)|(.*\.php))$#', $path, $match)) {
        $target = '/' . $match[1];
        $file = $root . $target;
        if (is_dir($file) && file_exists(rtrim($file, '/') . '/index.php')) {
            return freigabe_run_script($root, rtrim($target, '/') . '/index.php');
        }
        if (is_file($file)) {
            return '.php' === substr($file, -4) ? freigabe_run_script($root, $target) : freigabe_send_file($file);
        }
    }
}

$file = $root . $path;
if ($path !== '/' && file_exists($file)) {
    if (is_dir($file)) {
        $index = rtrim($file, '/') . '/index.php';
        if (file_exists($index)) {
            return freigabe_run_script($root, rtrim($path, '/') . '/index.php');
        }
    }
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
