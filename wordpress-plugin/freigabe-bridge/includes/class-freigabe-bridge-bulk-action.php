<?php
/**
 * One comment of a bulk request: the checks (exists, not an editor note, `edit_comment`, the
 * expected status) and the action through WordPress's own function, answered as an outcome
 * `{ id, outcome: done|conflict|failed, before, after, code?, message? }`.
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The action on one comment.
 */
class Freigabe_Bridge_Bulk_Action {

	/**
	 * Applies `$action` to comment `$id`, unless its status is no longer `$expected`.
	 *
	 * @param string      $action   An action of Freigabe_Bridge_Statuses::actions().
	 * @param int         $id       The comment's id.
	 * @param string|null $expected The status the moderator saw; null: whatever it is.
	 * @return array The outcome.
	 */
	public static function apply( $action, $id, $expected ) {
		$comment = get_comment( $id );
		if ( ! $comment instanceof WP_Comment ) {
			return self::outcome( $id, 'failed', null, null, 'rest_comment_invalid_id', __( 'Invalid comment ID.', 'freigabe-bridge' ) );
		}
		if ( 'note' === $comment->comment_type ) {
			$status = Freigabe_Bridge_Statuses::of( $comment );
			return self::outcome( $id, 'failed', $status, $status, 'freigabe_bridge_note', __( 'This is an editor note of the block editor, not a reader\'s comment: the Bridge never changes notes.', 'freigabe-bridge' ) );
		}
		if ( ! current_user_can( 'edit_comment', $comment->comment_ID ) ) {
			// Whoever may not edit it learns nothing about it (not even its status).
			return 'delete' === $action
				? self::outcome( $id, 'failed', null, null, 'rest_cannot_delete', __( 'Sorry, you are not allowed to delete this comment.', 'freigabe-bridge' ) )
				: self::outcome( $id, 'failed', null, null, 'rest_cannot_edit', __( 'Sorry, you are not allowed to edit this comment.', 'freigabe-bridge' ) );
		}
		$before = Freigabe_Bridge_Statuses::of( $comment );
		if ( ! in_array( $before, Freigabe_Bridge_Statuses::statuses(), true ) ) {
			// `post-trashed`: its post is in the Trash, and restoring the post restores its comments.
			return self::outcome( $id, 'failed', 'trash', 'trash', 'freigabe_bridge_post_trashed', __( 'The post of this comment is in the Trash: restore the post to moderate its comments.', 'freigabe-bridge' ) );
		}
		if ( Freigabe_Bridge_Statuses::restores( $action ) && null !== $expected && $expected !== $before ) {
			// Not spam and restore put back what the comment was before: one that left Spam or the Trash
			// since the moderator saw it there was moved by someone (approved, trashed), not restored by
			// this request. A conflict, so the client can tell it from its own request sent again.
			return self::conflict( $id, $before, $expected );
		}
		if ( Freigabe_Bridge_Statuses::already_there( $action, $before ) ) {
			// Nothing to do (a request sent again, or another moderator decided the same): done, unchanged.
			return self::outcome( $id, 'done', $before, $before );
		}
		if ( null !== $expected && $expected !== $before ) {
			return self::conflict( $id, $before, $expected );
		}
		if ( 'trash' === $action && ! EMPTY_TRASH_DAYS ) {
			// wp_trash_comment() would delete it for good: trash means a way back.
			return self::outcome( $id, 'failed', $before, $before, 'rest_trash_not_supported', __( 'The Trash is switched off on this site (EMPTY_TRASH_DAYS is 0): trashing would delete the comment for good. Delete it instead, or switch the Trash on.', 'freigabe-bridge' ) );
		}

		if ( ! self::run( $action, $comment ) ) {
			// Something refused midway: read the row itself, not what the cache may still hold.
			clean_comment_cache( $id );
			$after = self::status_now( $id );
			if ( Freigabe_Bridge_Statuses::already_there( $action, $after ) ) {
				// Another request moved it there meanwhile (wp_set_comment_status() changed no row): a
				// request of the client's sent again while WordPress still worked on the first, or another
				// moderator. Not this request's change, and not a failure: a conflict in the status it is in.
				return self::conflict( $id, $after, $before );
			}
			return self::outcome( $id, 'failed', $before, $after, 'rest_comment_failed_edit', __( 'Updating comment status failed.', 'freigabe-bridge' ) );
		}
		return self::outcome( $id, 'done', $before, self::status_now( $id ) );
	}

	/**
	 * The WordPress function wp-admin's bulk action calls for `$action` (delete: for good, as the
	 * REST API's `force`: wp-admin offers it only in Spam and Trash, where it deletes for good too).
	 *
	 * @param string     $action The action.
	 * @param WP_Comment $comment The comment.
	 * @return bool Whether WordPress did it.
	 */
	private static function run( $action, $comment ) {
		$id = (int) $comment->comment_ID;
		switch ( $action ) {
			case 'approve':
				return true === wp_set_comment_status( $id, 'approve' );
			case 'unapprove':
				return true === wp_set_comment_status( $id, 'hold' );
			case 'spam':
				return (bool) wp_spam_comment( $id );
			case 'unspam':
				return (bool) wp_unspam_comment( $id );
			case 'trash':
				return (bool) wp_trash_comment( $id );
			case 'untrash':
				return (bool) wp_untrash_comment( $id );
			case 'delete':
				return (bool) wp_delete_comment( $id, true );
			default:
				return false;
		}
	}

	/**
	 * The comment's status now; `deleted` once it is gone. Read from WordPress's object cache: the
	 * functions run() calls clear it and read the comment again as their last change to its row
	 * (wp_set_comment_status(), wp_delete_comment()), and so do other plugins' hooks that change it
	 * through WordPress — one query per comment less than clearing it again (ADR 023).
	 *
	 * @param int $id The comment's id.
	 * @return string
	 */
	private static function status_now( $id ) {
		$comment = get_comment( $id );
		return $comment instanceof WP_Comment ? Freigabe_Bridge_Statuses::of( $comment ) : 'deleted';
	}

	/**
	 * A comment found in another status than the one expected: left as it is.
	 *
	 * @param int    $id       The comment's id.
	 * @param string $now      Its status now.
	 * @param string $expected The status it was expected in.
	 * @return array The outcome.
	 */
	private static function conflict( $id, $now, $expected ) {
		return self::outcome(
			$id,
			'conflict',
			$now,
			$now,
			'freigabe_bridge_status_changed',
			/* translators: 1: the comment's status now, 2: the status it was expected in */
			sprintf( __( 'This comment is "%1$s" now, not "%2$s": someone else moderated it meanwhile. It was left as it is.', 'freigabe-bridge' ), $now, $expected )
		);
	}

	/**
	 * One outcome as the extension reads it (src/shared/wp/bridge.ts).
	 *
	 * @param int         $id      The comment's id.
	 * @param string      $outcome done, conflict or failed.
	 * @param string|null $before  The status before; null: no such comment (or not the caller's to know).
	 * @param string|null $after   The status after.
	 * @param string|null $code    Why, for failed and conflict.
	 * @param string|null $message Why, in words.
	 * @return array
	 */
	private static function outcome( $id, $outcome, $before, $after, $code = null, $message = null ) {
		$result = array(
			'id'      => (int) $id,
			'outcome' => $outcome,
			'before'  => $before,
			'after'   => $after,
		);
		if ( null !== $code ) {
			$result['code']    = $code;
			$result['message'] = $message;
		}
		return $result;
	}
}
