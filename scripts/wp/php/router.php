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

/**
 * Points the request at a PHP script of the site as if the web server had mapped it there; the
 * caller requires it at the top level. (Required inside a function, the script's globals — wp-admin's
 * $menu among them — would be that function's locals: the dashboard failed with a fatal error.)
 */
function freigabe_script($root, $script) {
    $_SERVER['SCRIPT_NAME'] = $script;
    $_SERVER['PHP_SELF'] = $script;
    $_SERVER['SCRIPT_FILENAME'] = $root . $script;
    chdir(dirname($root . $script));
    return $root . $script;
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

$freigabe_script = null;
if ('multisite' === getenv('FREIGABE_WP_LAYOUT') && !file_exists($root . $path)) {
    if (preg_match('#^/([_0-9a-zA-Z-]+/)?wp-admin$#', $path, $match)) {
        header('Location: /' . (isset($match[1]) ? $match[1] : '') . 'wp-admin/', true, 301);
        return true;
    }
    if (preg_match('#^/[_0-9a-zA-Z-]+/((wp-(content|admin|includes).*)|(.*\.php))$#', $path, $match)) {
        $target = '/' . $match[1];
        $file = $root . $target;
        if (is_dir($file) && file_exists(rtrim($file, '/') . '/index.php')) {
            $freigabe_script = freigabe_script($root, rtrim($target, '/') . '/index.php');
        } elseif (is_file($file) && '.php' !== substr($file, -4)) {
            return freigabe_send_file($file);
        } elseif (is_file($file)) {
            $freigabe_script = freigabe_script($root, $target);
        }
    }
}

if (null === $freigabe_script && $path !== '/' && file_exists($root . $path)) {
    $index = rtrim($root . $path, '/') . '/index.php';
    if (!is_dir($root . $path) || !file_exists($index)) {
        // An existing file: the built-in server serves it (and runs it, if it is PHP) itself.
        return false;
    }
    $freigabe_script = freigabe_script($root, rtrim($path, '/') . '/index.php');
}
if (null === $freigabe_script) {
    $_SERVER['SCRIPT_NAME'] = '/index.php';
    $_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
    $freigabe_script = $root . '/index.php';
}
// At the top level, as a web server runs it: the script's variables are globals.
require $freigabe_script;
