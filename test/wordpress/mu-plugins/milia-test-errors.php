<?php
/**
 * Plugin Name: milia-widgets test: log every PHP notice and WordPress misuse
 * Description: Test sites only. Logs PHP notices, warnings and deprecations (which WordPress
 * hides when WP_DEBUG is off) and every _doing_it_wrong() / deprecated call to the PHP error
 * log, so that the plugin tests can require that log to stay empty.
 */

// Errors silenced with @ (WordPress uses it on purpose) are left alone: PHP then reports an
// error_reporting() without these bits.
error_reporting( E_ALL );
set_error_handler(
	static function ( $level, $message, $file, $line ) {
		if ( ! ( error_reporting() & $level ) ) {
			return false;
		}
		// WordPress 6.1 predates PHP 8.1's return types on ArrayAccess & co.: PHP reports each
		// such core class once as it loads. Core's own, not caused by any caller: left out.
		if ( E_DEPRECATED === $level && 0 === strpos( $file, ABSPATH ) && 0 === strpos( $message, 'Return type of ' ) ) {
			return true;
		}
		$names = array(
			E_WARNING         => 'Warning',
			E_NOTICE          => 'Notice',
			E_DEPRECATED      => 'Deprecated',
			E_USER_WARNING    => 'User warning',
			E_USER_NOTICE     => 'User notice',
			E_USER_DEPRECATED => 'User deprecated',
		);
		$name = isset( $names[ $level ] ) ? $names[ $level ] : "Error $level";
		error_log( "milia-test: PHP $name: $message in $file:$line" . milia_test_request() );
		return true; // Logged once, here.
	}
);

foreach ( array( 'doing_it_wrong_run', 'deprecated_function_run', 'deprecated_argument_run', 'deprecated_hook_run', 'deprecated_file_included' ) as $milia_test_hook ) {
	add_action(
		$milia_test_hook,
		static function ( ...$args ) use ( $milia_test_hook ) {
			error_log( "milia-test: $milia_test_hook: " . implode( ' | ', array_map( 'strval', array_filter( $args, 'is_scalar' ) ) ) . milia_test_request() );
		},
		10,
		4
	);
}
// WordPress would also trigger_error() these when WP_DEBUG is on; the actions above log them.
add_filter( 'doing_it_wrong_trigger_error', '__return_false' );
add_filter( 'deprecated_function_trigger_error', '__return_false' );
add_filter( 'deprecated_argument_trigger_error', '__return_false' );
add_filter( 'deprecated_hook_trigger_error', '__return_false' );
add_filter( 'deprecated_file_trigger_error', '__return_false' );

/**
 * Where the message came from: " [plugin on the stack]" when code of a plugin in
 * wp-content/plugins is on the call stack (such lines always count in the tests), then the
 * request (method and URI) or the CLI command.
 */
function milia_test_request() {
	$ours = '';
	foreach ( debug_backtrace( DEBUG_BACKTRACE_IGNORE_ARGS ) as $frame ) {
		if ( isset( $frame['file'] ) && 0 === strpos( $frame['file'], WP_PLUGIN_DIR . '/' ) ) {
			$ours = ' [plugin on the stack]';
			break;
		}
	}
	if ( PHP_SAPI === 'cli' ) {
		return $ours . ' [cli ' . implode( ' ', array_slice( $GLOBALS['argv'], 1, 2 ) ) . ']';
	}
	return $ours . ' [' . ( isset( $_SERVER['REQUEST_METHOD'] ) ? $_SERVER['REQUEST_METHOD'] : '' ) . ' ' . ( isset( $_SERVER['REQUEST_URI'] ) ? $_SERVER['REQUEST_URI'] : '' ) . ']';
}
