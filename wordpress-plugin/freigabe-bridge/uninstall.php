<?php
/**
 * Deleting the plugin forgets which blocklist entries Freigabe added. The entries themselves stay
 * in Settings → Discussion: they are the administrator's blocks now.
 *
 * @package FreigabeBridge
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'freigabe_bridge_blocklist_added' );
