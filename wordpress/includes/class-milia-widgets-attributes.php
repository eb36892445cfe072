<?php
/**
 * From what an author wrote (block attributes or shortcode attributes) to the element's
 * attributes. No WordPress function here either: the tests run it with the PHP CLI.
 *
 * Values are passed on as written: the element checks them and warns in the browser console
 * about the ones it rejects (a misspelt id, a heading level of 7), which is where a site owner
 * debugging a widget looks. Escaping happens once, when the HTML is written.
 *
 * @package MiliaWidgets
 */

defined( 'ABSPATH' ) || defined( 'MILIA_WIDGETS_STANDALONE' ) || exit;

/**
 * Attribute mapping for blocks and shortcodes.
 */
final class Milia_Widgets_Attributes {

	/** Values that turn a shortcode's boolean attribute off (any other value, or none, turns it on). */
	const OFF = array( '0', 'false', 'no', 'off' );

	/**
	 * Element attributes from block attributes (the element's names in camelCase).
	 *
	 * @param array  $block Block attributes as WordPress passes them to the render callback.
	 * @param string $list  The element's list attribute: `sections` or `questions`.
	 * @return array Element attribute name => string, or true for a bare boolean.
	 */
	public static function from_block( array $block, $list ) {
		$element = array();
		$strings = array(
			$list           => $list,
			'expanded'      => 'expanded',
			'headingLevel'  => 'heading-level',
			'lang'          => 'lang',
		);
		foreach ( $strings as $key => $name ) {
			if ( isset( $block[ $key ] ) && is_scalar( $block[ $key ] ) && '' !== trim( (string) $block[ $key ] ) ) {
				$element[ $name ] = (string) $block[ $key ];
			}
		}
		foreach ( array( 'single' => 'single', 'structuredData' => 'structured-data' ) as $key => $name ) {
			if ( ! empty( $block[ $key ] ) ) {
				$element[ $name ] = true;
			}
		}
		return $element;
	}

	/**
	 * Element attributes from shortcode attributes.
	 *
	 * `[milia_faq questions="pop babies" heading_level="3" single structured_data]`: names in
	 * snake_case (the element's kebab-case names are accepted too); `single` and
	 * `structured_data` are on when present, bare or with any value except 0, false, no, off.
	 * A bare `expanded` means all, as on the element.
	 *
	 * @param array|string $atts What WordPress passes to a shortcode callback: an array (bare
	 *                           words under numeric keys, as written), or '' when empty.
	 * @param string       $list The element's list attribute: `sections` or `questions`.
	 * @return array Element attribute name => string, or true for a bare attribute.
	 */
	public static function from_shortcode( $atts, $list ) {
		$element = array();
		$names   = array(
			$list             => $list,
			'expanded'        => 'expanded',
			'heading_level'   => 'heading-level',
			'heading-level'   => 'heading-level',
			'single'          => 'single',
			'structured_data' => 'structured-data',
			'structured-data' => 'structured-data',
			'lang'            => 'lang',
		);
		foreach ( is_array( $atts ) ? $atts : array() as $key => $value ) {
			if ( is_int( $key ) ) { // A bare word: `[milia_faq single]`.
				$key   = strtolower( trim( (string) $value ) );
				$value = true;
			}
			$key = strtolower( (string) $key );
			if ( ! isset( $names[ $key ] ) ) {
				continue; // Not an attribute of this element.
			}
			$name = $names[ $key ];
			if ( 'single' === $name || 'structured-data' === $name ) {
				$off = is_string( $value ) && in_array( strtolower( trim( $value ) ), self::OFF, true );
				if ( $off ) {
					unset( $element[ $name ] );
				} else {
					$element[ $name ] = true;
				}
			} else {
				$element[ $name ] = true === $value ? true : (string) $value;
			}
		}
		return $element;
	}
}
