<?php
/**
 * Plugin Name: milia-widgets test: a site without network
 * Description: Test sites only. The test WordPress has no network (WP_HTTP_BLOCK_EXTERNAL):
 * WordPress's own update and translation checks would fail and log a notice on every admin
 * page. This tells WordPress that they have just run and found nothing, and turns off
 * Gravatar images (another host the site cannot reach).
 */

foreach ( array( 'update_core', 'update_plugins', 'update_themes' ) as $milia_test_transient ) {
	add_filter(
		"pre_site_transient_$milia_test_transient",
		static function () {
			return (object) array(
				'last_checked'    => time(),
				'version_checked' => get_bloginfo( 'version' ),
				'updates'         => array(),
				'response'        => array(),
				'no_update'       => array(),
				'translations'    => array(),
				'checked'         => array(),
			);
		}
	);
}
add_filter( 'pre_site_transient_available_translations', '__return_empty_array' );
add_filter( 'pre_option_show_avatars', '__return_zero' );
