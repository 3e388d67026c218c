<?php
/**
 * /freigabe/v1/blocklist — WordPress's own comment blocklists, which the REST settings do not
 * expose: "Disallowed Comment Keys" (option `disallowed_keys`: a new comment that matches goes to
 * the Trash) and the "Comment Moderation" keys (option `moderation_keys`: it waits for approval).
 * One entry per line, matched by WordPress as a case-insensitive substring of the commenter's name,
 * email, URL, IP, user agent and the comment's text.
 *
 * - GET answers both lists and the entries Freigabe added (kept in the option
 *   `freigabe_bridge_blocklist_added`), so the extension can show which entries are its own.
 * - POST `{ list, entry }` adds a line (nothing when the list has it already) and records it.
 * - DELETE `{ list, entry }` removes a line Freigabe added, and only such a line: the
 *   administrator's own lines are never touched.
 *
 * Only for users who may change the Discussion settings (`manage_options`), as in wp-admin.
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The blocklist route.
 */
class Freigabe_Bridge_Blocklist_Route {

	/** The option with the entries Freigabe added: `[ { list, entry, added_at, added_by } ]`. */
	const ADDED_OPTION = 'freigabe_bridge_blocklist_added';

	/** The shortest entry accepted (a letter or two would hold back every comment). */
	const MIN_LENGTH = 3;

	/** The longest entry accepted. */
	const MAX_LENGTH = 200;

	/**
	 * The lists by the names the extension uses, and their options.
	 *
	 * @return array
	 */
	public static function lists() {
		return array(
			'disallowed' => 'disallowed_keys',
			'moderation' => 'moderation_keys',
		);
	}

	/**
	 * Registers the route (action `rest_api_init`).
	 */
	public static function register() {
		$entry_args = array(
			'list'  => array(
				'description'       => __( 'The list: disallowed (to the Trash) or moderation (held for approval).', 'freigabe-bridge' ),
				'type'              => 'string',
				'required'          => true,
				'enum'              => array_keys( self::lists() ),
				'validate_callback' => 'rest_validate_request_arg',
			),
			'entry' => array(
				'description'       => __( 'One line of the list: an email address, an IP address, a URL host or a word.', 'freigabe-bridge' ),
				'type'              => 'string',
				'required'          => true,
				'validate_callback' => array( __CLASS__, 'validate_entry' ),
				'sanitize_callback' => array( __CLASS__, 'sanitize_entry' ),
			),
		);
		register_rest_route(
			FREIGABE_BRIDGE_NAMESPACE,
			'/blocklist',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( __CLASS__, 'read' ),
					'permission_callback' => array( __CLASS__, 'permission' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( __CLASS__, 'add' ),
					'permission_callback' => array( __CLASS__, 'permission' ),
					'args'                => $entry_args,
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( __CLASS__, 'remove' ),
					'permission_callback' => array( __CLASS__, 'permission' ),
					'args'                => $entry_args,
				),
			)
		);
	}

	/**
	 * Administrators only: the lists are Settings → Discussion, which needs `manage_options`.
	 *
	 * @return true|WP_Error
	 */
	public static function permission() {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new WP_Error(
			'freigabe_bridge_admin_only',
			__( 'Only an administrator may read or change the comment blocklists (Settings → Discussion).', 'freigabe-bridge' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * One line: no line breaks, at least MIN_LENGTH and at most MAX_LENGTH characters once trimmed.
	 *
	 * @param mixed $value The entry.
	 * @return true|WP_Error
	 */
	public static function validate_entry( $value ) {
		if ( ! is_string( $value ) || preg_match( '/[\r\n]/', $value ) ) {
			return new WP_Error( 'rest_invalid_param', __( 'An entry is one line of text.', 'freigabe-bridge' ) );
		}
		$length = function_exists( 'mb_strlen' ) ? mb_strlen( trim( $value ) ) : strlen( trim( $value ) );
		if ( $length < self::MIN_LENGTH || $length > self::MAX_LENGTH ) {
			return new WP_Error(
				'freigabe_bridge_entry_length',
				/* translators: 1: shortest, 2: longest length */
				sprintf( __( 'An entry has %1$d to %2$d characters: a shorter one would match almost every comment.', 'freigabe-bridge' ), self::MIN_LENGTH, self::MAX_LENGTH ),
				array( 'status' => 400 )
			);
		}
		return true;
	}

	/**
	 * The entry as WordPress reads a line: trimmed.
	 *
	 * @param string $value The entry.
	 * @return string
	 */
	public static function sanitize_entry( $value ) {
		return trim( (string) $value );
	}

	/**
	 * GET: both lists and the entries Freigabe added.
	 *
	 * @return WP_REST_Response
	 */
	public static function read() {
		return rest_ensure_response( self::state() );
	}

	/**
	 * POST: adds the entry to the list unless a line there is the same (case-insensitive, as
	 * WordPress matches); answers `{ result: added|present, …state }`. Only an entry this call
	 * added is recorded as Freigabe's: a line the administrator wrote stays theirs.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response
	 */
	public static function add( $request ) {
		$list  = $request['list'];
		$entry = $request['entry'];
		$lines = self::lines( $list );
		if ( null !== self::find( $lines, $entry ) ) {
			return rest_ensure_response( array_merge( array( 'result' => 'present' ), self::state() ) );
		}
		$lines[] = $entry;
		update_option( self::lists()[ $list ], implode( "\n", $lines ) );
		// A record left from before the administrator removed the line by hand is replaced, not doubled.
		$added   = self::without_record( self::added(), $list, $entry );
		$added[] = array(
			'list'     => $list,
			'entry'    => $entry,
			'added_at' => gmdate( 'Y-m-d\TH:i:s\Z' ),
			'added_by' => get_current_user_id(),
		);
		update_option( self::ADDED_OPTION, $added, false );
		return rest_ensure_response( array_merge( array( 'result' => 'added' ), self::state() ) );
	}

	/**
	 * DELETE: removes an entry Freigabe added (its line, if the administrator has not removed it
	 * already, and its record); answers `{ result: removed|gone, …state }`. An entry Freigabe did
	 * not add is refused (`freigabe_bridge_not_added`) and left in place.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response|WP_Error
	 */
	public static function remove( $request ) {
		$list   = $request['list'];
		$entry  = $request['entry'];
		$added = self::added();
		$kept  = self::without_record( $added, $list, $entry );
		if ( count( $kept ) === count( $added ) ) {
			return new WP_Error(
				'freigabe_bridge_not_added',
				__( 'Freigabe did not add this entry, so it leaves it alone: change it under Settings → Discussion.', 'freigabe-bridge' ),
				array( 'status' => 409 )
			);
		}
		update_option( self::ADDED_OPTION, $kept, false );
		$lines = self::lines( $list );
		$line  = self::find( $lines, $entry );
		if ( null !== $line ) {
			array_splice( $lines, $line, 1 );
			update_option( self::lists()[ $list ], implode( "\n", $lines ) );
		}
		return rest_ensure_response( array_merge( array( 'result' => null === $line ? 'gone' : 'removed' ), self::state() ) );
	}

	/**
	 * The lists and the entries Freigabe added that are still in them.
	 *
	 * @return array
	 */
	private static function state() {
		$state = array();
		foreach ( array_keys( self::lists() ) as $list ) {
			$state[ $list ] = self::lines( $list );
		}
		// A line the administrator has removed since is no longer Freigabe's to show.
		$state['added'] = array_values(
			array_filter(
				self::added(),
				function ( $item ) use ( $state ) {
					return isset( $state[ $item['list'] ] ) && null !== self::find( $state[ $item['list'] ], $item['entry'] );
				}
			)
		);
		return $state;
	}

	/**
	 * A list's non-empty lines, trimmed (as `wp_check_comment_disallowed_list()` reads them).
	 *
	 * @param string $list The list's name.
	 * @return string[]
	 */
	private static function lines( $list ) {
		$lines = array();
		foreach ( explode( "\n", (string) get_option( self::lists()[ $list ], '' ) ) as $line ) {
			$line = trim( $line );
			if ( '' !== $line ) {
				$lines[] = $line;
			}
		}
		return $lines;
	}

	/**
	 * The index of the line that is the entry (case-insensitive), or null.
	 *
	 * @param string[] $lines The list's lines.
	 * @param string   $entry The entry.
	 * @return int|null
	 */
	private static function find( $lines, $entry ) {
		$lower = function_exists( 'mb_strtolower' ) ? 'mb_strtolower' : 'strtolower';
		foreach ( $lines as $index => $line ) {
			if ( $lower( $line ) === $lower( $entry ) ) {
				return $index;
			}
		}
		return null;
	}

	/**
	 * The records without those of this entry in this list (case-insensitive, as WordPress matches).
	 *
	 * @param array  $added The records.
	 * @param string $list  The list's name.
	 * @param string $entry The entry.
	 * @return array
	 */
	private static function without_record( $added, $list, $entry ) {
		return array_values(
			array_filter(
				$added,
				function ( $item ) use ( $list, $entry ) {
					return $item['list'] !== $list || null === self::find( array( $item['entry'] ), $entry );
				}
			)
		);
	}

	/**
	 * The entries Freigabe added, as recorded.
	 *
	 * @return array
	 */
	private static function added() {
		$added = get_option( self::ADDED_OPTION, array() );
		if ( ! is_array( $added ) ) {
			return array();
		}
		return array_values(
			array_filter(
				$added,
				function ( $item ) {
					return is_array( $item ) && isset( $item['list'], $item['entry'] ) && is_string( $item['entry'] );
				}
			)
		);
	}
}
