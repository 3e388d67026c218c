<?php
/**
 * Akismet's verdict on a comment, read-only, as the REST field `freigabe_akismet` of comments.
 *
 * Akismet keeps what it decided out of the REST API, in comment meta: `akismet_result` ('true':
 * caught as spam, 'false': cleared, 'error': not checked yet, retried by cron; 'skipped' is
 * implied by `akismet_skipped`) and one `akismet_history` row per event (`time` in seconds with
 * microseconds, `event` such as check-spam, check-ham, report-spam, report-ham, cron-retry-spam,
 * status-approve; `user`: the login of who did it). wp-admin shows the same in its comment list
 * and the comment's History box (class.akismet-admin.php).
 *
 * A field instead of a route: the extension asks for it in `_fields` with the comment lists it
 * reads anyway, so it costs no request; a site without the Bridge ignores the unknown field.
 * Edit context only, and only for who may edit the comment: authors and readers get nothing.
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The `freigabe_akismet` field of comments.
 */
class Freigabe_Bridge_Akismet_Field {

	/** The field's name in the comment's REST answer. */
	const FIELD = 'freigabe_akismet';

	/** The newest history events answered (Akismet keeps every one; a comment rarely has more than five). */
	const MAX_EVENTS = 20;

	/**
	 * Registers the field (action `rest_api_init`).
	 */
	public static function register() {
		register_rest_field(
			'comment',
			self::FIELD,
			array(
				'get_callback' => array( __CLASS__, 'read' ),
				'schema'       => array(
					'description' => __( 'Akismet’s verdict and history (null where Akismet has none).', 'freigabe-bridge' ),
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'edit' ),
					'readonly'    => true,
				),
			)
		);
	}

	/**
	 * The field's value for one comment.
	 *
	 * @param array           $comment The comment as prepared for the response.
	 * @param string          $field   The field name.
	 * @param WP_REST_Request $request The request.
	 * @return array|null
	 */
	public static function read( $comment, $field, $request ) {
		$id = isset( $comment['id'] ) ? (int) $comment['id'] : 0;
		// WordPress leaves edit-only fields out of other contexts and lets only moderators ask for the
		// edit context; both are checked again here, a second line should a plugin change the schema.
		if ( $id <= 0 || 'edit' !== $request['context'] || ! current_user_can( 'edit_comment', $id ) ) {
			return null;
		}
		$result  = self::verdict( get_comment_meta( $id, 'akismet_result', true ), get_comment_meta( $id, 'akismet_skipped', true ) );
		$history = self::history( get_comment_meta( $id, 'akismet_history', false ) );
		if ( null === $result && array() === $history ) {
			return null;
		}
		return array(
			'result'  => $result,
			'history' => $history,
		);
	}

	/**
	 * Akismet's stored result in words: spam, ham, error, skipped, or null (never checked).
	 *
	 * @param mixed $stored  `akismet_result`.
	 * @param mixed $skipped `akismet_skipped`.
	 * @return string|null
	 */
	private static function verdict( $stored, $skipped ) {
		if ( 'true' === $stored ) {
			return 'spam';
		}
		if ( 'false' === $stored ) {
			return 'ham';
		}
		if ( 'error' === $stored ) {
			return 'error';
		}
		if ( 'skipped' === $stored || ! empty( $skipped ) ) {
			return 'skipped';
		}
		return null;
	}

	/**
	 * The history's well-formed events, oldest first, the newest MAX_EVENTS of them.
	 *
	 * @param array $rows `akismet_history` meta rows.
	 * @return array[] `{ time: seconds, event, user: login|null }`
	 */
	private static function history( $rows ) {
		$events = array();
		foreach ( (array) $rows as $row ) {
			// Akismet skips malformed rows the same way (get_comment_history).
			if ( ! is_array( $row ) || ! isset( $row['time'], $row['event'] ) || ! is_numeric( $row['time'] ) || ! is_string( $row['event'] ) ) {
				continue;
			}
			$events[] = array(
				'time'  => (float) $row['time'],
				'event' => substr( $row['event'], 0, 60 ),
				'user'  => isset( $row['user'] ) && is_string( $row['user'] ) && '' !== $row['user'] ? $row['user'] : null,
			);
		}
		usort(
			$events,
			function ( $a, $b ) {
				return $a['time'] <=> $b['time'];
			}
		);
		return array_slice( $events, -self::MAX_EVENTS );
	}
}
