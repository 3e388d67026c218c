<?php
/**
 * Plugin Name:       Freigabe Bridge
 * Description:       Companion of the Freigabe browser extension: a REST route that moderates up to 1,000 comments in one request with an outcome per comment (and compare-and-set, so another moderator's decision is never overwritten), a fast list of the comment ids matching a filter, and the comment blocklists (Disallowed Comment Keys, Comment Moderation) for administrators. Without it the extension works too, one request per comment.
 * Version:           1.1.2
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Freigabe
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       freigabe-bridge
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The Bridge's version, as the REST index announces it. */
define( 'FREIGABE_BRIDGE_VERSION', '1.1.2' );

/** The most comment ids one bulk request may name (wp-admin's list shows at most 999 per page). */
define( 'FREIGABE_BRIDGE_MAX_IDS', 1000 );

/** The most ids one page of the id listing returns. */
define( 'FREIGABE_BRIDGE_MAX_PER_PAGE', 5000 );

/** The REST namespace of every route of the Bridge. */
define( 'FREIGABE_BRIDGE_NAMESPACE', 'freigabe/v1' );

require_once __DIR__ . '/includes/class-freigabe-bridge-statuses.php';
require_once __DIR__ . '/includes/class-freigabe-bridge-announcement.php';
require_once __DIR__ . '/includes/class-freigabe-bridge-bulk-route.php';
require_once __DIR__ . '/includes/class-freigabe-bridge-ids-route.php';
require_once __DIR__ . '/includes/class-freigabe-bridge-akismet-field.php';
require_once __DIR__ . '/includes/class-freigabe-bridge-blocklist-route.php';

add_filter( 'rest_index', array( 'Freigabe_Bridge_Announcement', 'announce' ) );
add_action( 'rest_api_init', array( 'Freigabe_Bridge_Bulk_Route', 'register' ) );
add_action( 'rest_api_init', array( 'Freigabe_Bridge_Ids_Route', 'register' ) );
add_action( 'rest_api_init', array( 'Freigabe_Bridge_Akismet_Field', 'register' ) );
add_action( 'rest_api_init', array( 'Freigabe_Bridge_Blocklist_Route', 'register' ) );
