<?php
/**
 * GET /freigabe/v1/comments/ids — the ids of the comments matching a filter (the REST API's own
 * comment-list parameters: status, type, post, search, author_email, after, before), ascending,
 * a page at a time after `after_id` (a keyset: pages stay right while comments are changed or
 * deleted between them), with the total. One query through WP_Comment_Query with `fields => ids`
 * instead of a hundred REST pages of whole comments. Editor notes are never listed.
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The id listing.
 */
class Freigabe_Bridge_Ids_Route {

	/**
	 * Registers the route (action `rest_api_init`) and the keyset clause.
	 */
	public static function register() {
		register_rest_route(
			FREIGABE_BRIDGE_NAMESPACE,
			'/comments/ids',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'handle' ),
				'permission_callback' => array( __CLASS__, 'permission' ),
				'args'                => self::args(),
			)
		);
	}

	/**
	 * The parameters, validated and sanitized.
	 *
	 * @return array
	 */
	private static function args() {
		return array(
			'status'       => array(
				'description'       => __( 'The status: hold, approve, spam, trash, all (hold and approved) or any.', 'freigabe-bridge' ),
				'type'              => 'string',
				'default'           => 'hold',
				'enum'              => array( 'hold', 'approve', 'approved', 'spam', 'trash', 'all', 'any' ),
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'sanitize_key',
			),
			'type'         => array(
				'description'       => __( 'The kind: comment, pings (pingbacks and trackbacks), pingback, trackback or all (never editor notes).', 'freigabe-bridge' ),
				'type'              => 'string',
				'default'           => 'all',
				'enum'              => array( 'all', 'comment', 'comments', 'pings', 'pingback', 'trackback' ),
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'sanitize_key',
			),
			'post'         => array(
				'description'       => __( 'Only the comments of these posts.', 'freigabe-bridge' ),
				'type'              => 'array',
				'items'             => array( 'type' => 'integer' ),
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'wp_parse_id_list',
			),
			'search'       => array(
				'description'       => __( 'Text in the content, author name, email, URL or IP.', 'freigabe-bridge' ),
				'type'              => 'string',
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'sanitize_text_field',
			),
			'author_email' => array(
				'description'       => __( 'The commenter\'s email address.', 'freigabe-bridge' ),
				'type'              => 'string',
				'format'            => 'email',
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'sanitize_email',
			),
			'after'        => array(
				'description'       => __( 'Written after this date (ISO 8601, the site\'s time).', 'freigabe-bridge' ),
				'type'              => 'string',
				'format'            => 'date-time',
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'sanitize_text_field',
			),
			'before'       => array(
				'description'       => __( 'Written before this date (ISO 8601, the site\'s time).', 'freigabe-bridge' ),
				'type'              => 'string',
				'format'            => 'date-time',
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'sanitize_text_field',
			),
			'after_id'     => array(
				'description'       => __( 'Only ids above this one (the previous page\'s next_after_id).', 'freigabe-bridge' ),
				'type'              => 'integer',
				'default'           => 0,
				'minimum'           => 0,
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'absint',
			),
			'count'        => array(
				'description'       => __( 'Whether to count every matching comment (total); false answers total null and spares the count.', 'freigabe-bridge' ),
				'type'              => 'boolean',
				'default'           => true,
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'rest_sanitize_boolean',
			),
			'per_page'     => array(
				'description'       => __( 'How many ids at most.', 'freigabe-bridge' ),
				'type'              => 'integer',
				'default'           => 1000,
				'minimum'           => 1,
				'maximum'           => FREIGABE_BRIDGE_MAX_PER_PAGE,
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'absint',
			),
		);
	}

	/**
	 * Moderators only: the listing covers every post's comments, in every status.
	 *
	 * @return true|WP_Error
	 */
	public static function permission() {
		if ( current_user_can( 'moderate_comments' ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, only moderators (Editors and Administrators) may list comment ids on this site.', 'freigabe-bridge' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * Answers `{ ids, total, next_after_id }` (`total` null when `count` is false: a job paging through
	 * 100,000 ids needs the count once, not a COUNT over the whole filter with every page).
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response
	 */
	public static function handle( $request ) {
		$filter   = self::filter_of( $request );
		$after_id = (int) $request['after_id'];
		$per_page = (int) $request['per_page'];

		$total = $request['count']
			? (int) ( new WP_Comment_Query() )->query( array_merge( $filter, array( 'count' => true ) ) )
			: null;

		add_filter( 'comments_clauses', array( __CLASS__, 'keyset_clause' ), 10, 2 );
		try {
			// One more than asked: whether a next page exists is known without another query.
			$ids = ( new WP_Comment_Query() )->query(
				array_merge(
					$filter,
					array(
						'fields'                  => 'ids',
						'orderby'                 => 'comment_ID',
						'order'                   => 'ASC',
						'number'                  => $per_page + 1,
						'no_found_rows'           => true,
						'freigabe_bridge_after'   => $after_id,
						// The comment-query cache is keyed by WordPress's own query vars only, so
						// the keyset goes into one that changes nothing in the query ('ID' is unused).
						'ID'                      => 'freigabe-bridge-after-' . $after_id,
						'update_comment_meta_cache' => false,
						'update_comment_post_cache' => false,
					)
				)
			);
		} finally {
			remove_filter( 'comments_clauses', array( __CLASS__, 'keyset_clause' ), 10 );
		}
		$ids  = array_map( 'intval', $ids );
		$more = count( $ids ) > $per_page;
		if ( $more ) {
			$ids = array_slice( $ids, 0, $per_page );
		}
		return rest_ensure_response(
			array(
				'ids'           => $ids,
				'total'         => $total,
				'next_after_id' => $more ? end( $ids ) : null,
			)
		);
	}

	/**
	 * Filter `comments_clauses`, for the listing's own query: ids above `after_id`.
	 *
	 * @param array            $clauses The query's clauses.
	 * @param WP_Comment_Query $query   The query.
	 * @return array
	 */
	public static function keyset_clause( $clauses, $query ) {
		global $wpdb;
		if ( isset( $query->query_vars['freigabe_bridge_after'] ) ) {
			$clauses['where'] .= $wpdb->prepare( " AND {$wpdb->comments}.comment_ID > %d", (int) $query->query_vars['freigabe_bridge_after'] );
		}
		return $clauses;
	}

	/**
	 * The filter as WP_Comment_Query's arguments, as the REST API's comment list reads it.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return array
	 */
	private static function filter_of( $request ) {
		$status = $request['status'];
		$query  = array(
			'status'                    => 'approved' === $status ? 'approve' : $status,
			'type__not_in'              => array( 'note' ),
			'update_comment_meta_cache' => false,
			'update_comment_post_cache' => false,
		);
		$type = $request['type'];
		if ( 'comments' === $type || 'comment' === $type ) {
			$query['type'] = 'comment';
		} elseif ( 'all' !== $type ) {
			$query['type'] = $type;
		}
		if ( ! empty( $request['post'] ) ) {
			$query['post__in'] = $request['post'];
		}
		if ( ! empty( $request['search'] ) ) {
			$query['search'] = $request['search'];
		}
		if ( ! empty( $request['author_email'] ) ) {
			$query['author_email'] = $request['author_email'];
		}
		$dates = array();
		if ( ! empty( $request['after'] ) ) {
			$dates['after'] = $request['after'];
		}
		if ( ! empty( $request['before'] ) ) {
			$dates['before'] = $request['before'];
		}
		if ( $dates ) {
			$query['date_query'] = array( $dates );
		}
		return $query;
	}
}
