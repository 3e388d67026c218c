<?php
/**
 * xmlrpc.php blocked before WordPress answers: the `<Files xmlrpc.php> Order Deny,Allow / Deny from
 * all </Files>` rule that All In One WP Security ("Completely Block Access To XMLRPC"), Solid
 * Security's server-config option and many hosts write into .htaccess makes Apache answer a plain
 * HTML "403 Forbidden" page, never an XML-RPC response.
 */
if (defined('XMLRPC_REQUEST') && XMLRPC_REQUEST) {
    status_header(403);
    header('Content-Type: text/html; charset=iso-8859-1');
    echo "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don't have permission to access this resource.</p>\n</body></html>\n";
    exit;
}
