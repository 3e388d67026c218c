<?php
// Router for PHP's built-in web server: serve existing files as they are, send everything
// else to WordPress (pretty permalinks, /wp-json/…).
$root = $_SERVER['DOCUMENT_ROOT'];
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$file = $root . $path;
if ($path !== '/' && file_exists($file)) {
    if (is_dir($file)) {
        $index = rtrim($file, '/') . '/index.php';
        if (file_exists($index)) {
            $_SERVER['SCRIPT_NAME'] = rtrim($path, '/') . '/index.php';
            $_SERVER['SCRIPT_FILENAME'] = $index;
            chdir(dirname($index));
            require $index;
            return true;
        }
    }
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
