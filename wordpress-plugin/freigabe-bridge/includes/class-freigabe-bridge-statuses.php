<?php
/**
 * The moderation vocabulary of the Bridge: the actions it takes, the status names it answers with
 * (those of the REST API: approved, hold, spam, trash), and where each action leads.
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Status names and action targets.
 */
class Freigabe_Bridge_Statuses {

	/**
	 * The actions of the bulk route, as wp-admin's bulk actions name them.
	 *
	 * @return string[]
	 */
	public static function actions() {
		return array( 'approve', 'unapprove', 'spam', 'unspam', 'trash', 'untrash', 'delete' );
	}

	/**
	 * The statuses a moderator can expect a comment in.
	 *
	 * @return string[]
	 */
	public static function statuses() {
		return array( 'approved', 'hold', 'spam', 'trash' );
	}

	/**
	 * A comment's status as the REST API names it ('1' → approved, '0' → hold); other values
	 * (a comment of a trashed post is `post-trashed`) are answered as they are stored.
	 *
	 * @param WP_Comment $comment The comment.
	 * @return string
	 */
	public static function of( $comment ) {
		$stored = (string) $comment->comment_approved;
		if ( '1' === $stored ) {
			return 'approved';
		}
		if ( '0' === $stored ) {
			return 'hold';
		}
		return $stored;
	}

	/**
	 * Whether the action puts back the status the comment had before (not spam, restore).
	 *
	 * @param string $action The bulk action.
	 * @return bool
	 */
	public static function restores( $action ) {
		return 'unspam' === $action || 'untrash' === $action;
	}

	/**
	 * Whether a comment in `$status` already is where `$action` leads: then nothing is done
	 * (a repeated request, or another moderator decided the same). Not spam and restore lead
	 * anywhere but spam and trash (WordPress restores the status the comment had before).
	 *
	 * @param string $action An action of actions().
	 * @param string $status A status of of().
	 * @return bool
	 */
	public static function already_there( $action, $status ) {
		switch ( $action ) {
			case 'approve':
				return 'approved' === $status;
			case 'unapprove':
				return 'hold' === $status;
			case 'spam':
				return 'spam' === $status;
			case 'trash':
				return 'trash' === $status;
			case 'unspam':
				return 'spam' !== $status;
			case 'untrash':
				return 'trash' !== $status;
			default:
				return false;
		}
	}
}
