<?php
/**
 * XML-RPC switched off through WordPress's own filter `xmlrpc_enabled`, as the plugin "Disable
 * XML-RPC" (https://wordpress.org/plugins/disable-xml-rpc/, its whole code is this one filter) and
 * Solid Security's "Disable XML-RPC" setting do. Since WordPress 3.5 every XML-RPC method that
 * needs a sign-in then answers fault 405 "XML-RPC services are disabled on this site."
 * (`wp_xmlrpc_server::login()`), whatever the credentials.
 */
add_filter('xmlrpc_enabled', '__return_false');
