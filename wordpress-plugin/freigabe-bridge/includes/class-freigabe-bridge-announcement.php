<?php
/**
 * The Bridge announces itself in the REST index (GET /wp-json/), next to its namespace, so the
 * extension learns with the one request it makes anyway whether the Bridge is there and what it can do.
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds `freigabe_bridge: { version, max_ids, actions, blocklist }` to the REST index.
 */
class Freigabe_Bridge_Announcement {

	/**
	 * Filter `rest_index`.
	 *
	 * @param WP_REST_Response $response The REST index.
	 * @return WP_REST_Response
	 */
	public static function announce( $response ) {
		if ( ! $response instanceof WP_REST_Response ) {
			return $response;
		}
		$data                    = $response->get_data();
		$data['freigabe_bridge'] = array(
			'version' => FREIGABE_BRIDGE_VERSION,
			'max_ids' => FREIGABE_BRIDGE_MAX_IDS,
			'actions' => Freigabe_Bridge_Statuses::actions(),
		);
		// Since 1.1.0: the blocklist route (an older extension ignores the field).
		$data['freigabe_bridge']['blocklist'] = true;
		$response->set_data( $data );
		return $response;
	}
}
