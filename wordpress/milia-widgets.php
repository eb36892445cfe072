<?php
/**
 * Plugin Name:       Milia Widgets
 * Plugin URI:        https://www.npmjs.com/package/milia-widgets
 * Description:       Plain-language, accessible information about milia (tiny skin cysts): blocks and shortcodes that authors can use, readable without JavaScript.
 * Version:           @VERSION@
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            milia-widgets contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       milia-widgets
 *
 * The PHP and the editor script of this plugin are licensed GPL-2.0-or-later. The bundled
 * widget scripts (assets/milia-widgets*.js, assets/milia-widgets.css) are the milia-widgets
 * package, MIT licensed (GPL-compatible); its text is licensed CC BY 4.0. See readme.txt.
 *
 * @package MiliaWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'MILIA_WIDGETS_VERSION', '@VERSION@' );
define( 'MILIA_WIDGETS_FILE', __FILE__ );
define( 'MILIA_WIDGETS_DIR', plugin_dir_path( __FILE__ ) );

require_once MILIA_WIDGETS_DIR . 'includes/class-milia-widgets-kit.php';
require_once MILIA_WIDGETS_DIR . 'includes/class-milia-widgets-attributes.php';
require_once MILIA_WIDGETS_DIR . 'includes/class-milia-widgets-plugin.php';

Milia_Widgets_Plugin::boot();
