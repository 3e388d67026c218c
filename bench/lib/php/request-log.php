<?php
/**
 * Plugin Name: Freigabe bench request log
 * Description: The flood bench's record of WordPress's own time per request (bench/lib/request-log.ts):
 * one JSON line per request — method, route, start and duration — appended to
 * wp-content/freigabe-requests.log when the request ends. Installed by the bench only.
 */
add_action(
	'shutdown',
	function () {
		$started = isset( $_SERVER['REQUEST_TIME_FLOAT'] ) ? (float) $_SERVER['REQUEST_TIME_FLOAT'] : microtime( true );
		$uri     = isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : '';
		$path    = (string) parse_url( $uri, PHP_URL_PATH );
		$query   = (string) parse_url( $uri, PHP_URL_QUERY );
		if ( '' !== $query && preg_match( '/(?:^|&)rest_route=([^&]*)/', $query, $match ) ) {
			$path .= '?rest_route=' . urldecode( $match[1] );
		}
		$line = wp_json_encode(
			array(
				'method' => isset( $_SERVER['REQUEST_METHOD'] ) ? $_SERVER['REQUEST_METHOD'] : '',
				'path'   => $path,
				'action' => isset( $_REQUEST['action'] ) && is_string( $_REQUEST['action'] ) ? $_REQUEST['action'] : null,
				'start'  => round( $started * 1000, 1 ),
				'ms'     => round( ( microtime( true ) - $started ) * 1000, 1 ),
			)
		);
		file_put_contents( WP_CONTENT_DIR . '/freigabe-requests.log', $line . "\n", FILE_APPEND | LOCK_EX );
	},
	PHP_INT_MAX
);
