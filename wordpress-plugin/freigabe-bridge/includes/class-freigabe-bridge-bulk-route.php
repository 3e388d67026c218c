<?php
/**
 * POST /freigabe/v1/comments/bulk — one moderation action on up to FREIGABE_BRIDGE_MAX_IDS
 * comments, done as wp-admin's bulk action does it (wp-admin/edit-comments.php): WordPress's own
 * functions, inside deferred comment counting, `edit_comment` checked for every id, the
 * commenter's data untouched, every plugin's hooks (Akismet's reports) firing as they do there.
 * Unlike wp-admin it answers an outcome per id, in the order asked, and with `expect` it is
 * compare-and-set: a comment that is no longer in the status the moderator saw is left alone.
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The bulk route.
 */
class Freigabe_Bridge_Bulk_Route {

	/**
	 * Registers the route (action `rest_api_init`).
	 */
	public static function register() {
		register_rest_route(
			FREIGABE_BRIDGE_NAMESPACE,
			'/comments/bulk',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( __CLASS__, 'handle' ),
				'permission_callback' => array( __CLASS__, 'permission' ),
				'args'                => array(
					'action' => array(
						'description'       => __( 'What to do with every comment.', 'freigabe-bridge' ),
						'type'              => 'string',
						'required'          => true,
						'validate_callback' => array( __CLASS__, 'validate_string' ),
						'sanitize_callback' => 'sanitize_key',
					),
					'ids'    => array(
						'description'       => __( 'The comments, by id.', 'freigabe-bridge' ),
						'type'              => 'array',
						'required'          => true,
						'validate_callback' => array( __CLASS__, 'validate_ids' ),
						'sanitize_callback' => array( __CLASS__, 'sanitize_ids' ),
					),
					'expect' => array(
						'description'       => __( 'The status each comment is expected in; one found in another is not changed.', 'freigabe-bridge' ),
						'type'              => 'object',
						'required'          => false,
						'validate_callback' => array( __CLASS__, 'validate_expect' ),
						'sanitize_callback' => array( __CLASS__, 'sanitize_expect' ),
					),
				),
			)
		);
	}

	/**
	 * Who may call it at all: whoever may open wp-admin's comment screen (`edit_posts`); every
	 * comment is checked on its own (`edit_comment`). Logged out: 401.
	 *
	 * @return true|WP_Error
	 */
	public static function permission() {
		if ( current_user_can( 'edit_posts' ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to moderate comments on this site. Sign in as a user who may edit posts.', 'freigabe-bridge' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * A string.
	 *
	 * @param mixed $value The parameter.
	 * @return bool
	 */
	public static function validate_string( $value ) {
		return is_string( $value );
	}

	/**
	 * A list of positive integer ids (their number is checked by the callback, with its own error).
	 *
	 * @param mixed $value The parameter.
	 * @return true|WP_Error
	 */
	public static function validate_ids( $value ) {
		if ( ! is_array( $value ) || array_values( $value ) !== $value ) {
			return new WP_Error( 'freigabe_bridge_invalid_ids', __( 'ids must be a list of comment ids.', 'freigabe-bridge' ) );
		}
		foreach ( $value as $id ) {
			if ( ! self::is_id( $id ) ) {
				return new WP_Error( 'freigabe_bridge_invalid_ids', __( 'Every comment id must be a positive whole number.', 'freigabe-bridge' ) );
			}
		}
		return true;
	}

	/**
	 * The ids as integers, in the order given.
	 *
	 * @param array $value The validated parameter.
	 * @return int[]
	 */
	public static function sanitize_ids( $value ) {
		return array_map( 'intval', $value );
	}

	/**
	 * An object of id → status.
	 *
	 * @param mixed $value The parameter.
	 * @return true|WP_Error
	 */
	public static function validate_expect( $value ) {
		if ( ! is_array( $value ) ) {
			return new WP_Error( 'freigabe_bridge_invalid_expect', __( 'expect must map comment ids to statuses.', 'freigabe-bridge' ) );
		}
		foreach ( $value as $id => $status ) {
			if ( ! self::is_id( $id ) || ! in_array( $status, Freigabe_Bridge_Statuses::statuses(), true ) ) {
				return new WP_Error(
					'freigabe_bridge_invalid_expect',
					/* translators: %s: the statuses a comment can be expected in */
					sprintf( __( 'expect must map comment ids to one of: %s.', 'freigabe-bridge' ), implode( ', ', Freigabe_Bridge_Statuses::statuses() ) )
				);
			}
		}
		return true;
	}

	/**
	 * The expectations by integer id.
	 *
	 * @param array $value The validated parameter.
	 * @return array<int, string>
	 */
	public static function sanitize_expect( $value ) {
		$expect = array();
		foreach ( $value as $id => $status ) {
			$expect[ (int) $id ] = (string) $status;
		}
		return $expect;
	}

	/**
	 * A positive integer, or a string of digits that is one.
	 *
	 * @param mixed $value A value.
	 * @return bool
	 */
	private static function is_id( $value ) {
		if ( is_int( $value ) ) {
			return $value > 0;
		}
		return is_string( $value ) && 1 === preg_match( '/^[1-9][0-9]{0,18}$/', $value );
	}

	/**
	 * Does the action on every id, in order; answers `{ results: [ outcome per id ] }`.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function handle( $request ) {
		$action = $request['action'];
		$ids    = $request['ids'];
		$expect = is_array( $request['expect'] ) ? $request['expect'] : array();

		if ( ! in_array( $action, Freigabe_Bridge_Statuses::actions(), true ) ) {
			return new WP_Error(
				'freigabe_bridge_unknown_action',
				/* translators: 1: the action asked for, 2: the actions there are */
				sprintf( __( 'There is no action "%1$s". Use one of: %2$s.', 'freigabe-bridge' ), $action, implode( ', ', Freigabe_Bridge_Statuses::actions() ) ),
				array( 'status' => 400 )
			);
		}
		if ( 0 === count( $ids ) ) {
			return new WP_Error(
				'freigabe_bridge_no_ids',
				__( 'No comment ids were sent: name at least one comment.', 'freigabe-bridge' ),
				array( 'status' => 400 )
			);
		}
		if ( count( $ids ) > FREIGABE_BRIDGE_MAX_IDS ) {
			return new WP_Error(
				'freigabe_bridge_too_many_ids',
				/* translators: 1: the most ids per request, 2: the number sent */
				sprintf( __( 'At most %1$d comments can be changed in one request; this one names %2$d. Send them in parts.', 'freigabe-bridge' ), FREIGABE_BRIDGE_MAX_IDS, count( $ids ) ),
				array(
					'status'  => 400,
					'max_ids' => FREIGABE_BRIDGE_MAX_IDS,
				)
			);
		}

		$results = array();
		// As wp-admin's bulk action: the posts' comment counts are updated once, at the end.
		wp_defer_comment_counting( true );
		try {
			foreach ( $ids as $id ) {
				$results[] = Freigabe_Bridge_Bulk_Action::apply( $action, $id, isset( $expect[ $id ] ) ? $expect[ $id ] : null );
			}
		} finally {
			wp_defer_comment_counting( false );
		}
		return rest_ensure_response( array( 'results' => $results ) );
	}
}

require_once __DIR__ . '/class-freigabe-bridge-bulk-action.php';
