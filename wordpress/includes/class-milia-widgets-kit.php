<?php
/**
 * The prerender kit: assembles the HTML of a widget (with a declarative shadow root) for any
 * attribute set, from `prerender-kit.json`, which the package build writes.
 *
 * This class follows the kit's normative algorithm step by step, so that for the same
 * attributes it prints byte for byte what `npx milia-widgets render` prints. It uses no
 * WordPress function: the tests run it with the PHP CLI alone.
 *
 * @package MiliaWidgets
 */

defined( 'ABSPATH' ) || defined( 'MILIA_WIDGETS_STANDALONE' ) || exit;

/**
 * One loaded kit.
 */
final class Milia_Widgets_Kit {

	/**
	 * JavaScript's `\s`, which the element uses to split id lists: PCRE's `\s` differs
	 * (ASCII only without UCP, and NEL with it).
	 */
	const WHITESPACE = '[\x{09}-\x{0D}\x{20}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]';

	/** The element attributes, in the order they are written. */
	const ATTRIBUTES = array( 'sections', 'questions', 'expanded', 'heading-level', 'single', 'structured-data', 'lang' );

	/** Where the kit falls back when `lang` names no language it carries. */
	const BASE_LANGUAGE = 'en';

	/** @var array The decoded kit. */
	private $kit;

	/**
	 * @param array $kit The decoded `prerender-kit.json`.
	 */
	public function __construct( array $kit ) {
		$this->kit = $kit;
	}

	/**
	 * Reads a kit file. Returns null when the file is missing or is not a kit, so that the
	 * caller can fall back to plain text instead of breaking the page.
	 *
	 * @param string $path Path of `prerender-kit.json`.
	 * @return Milia_Widgets_Kit|null
	 */
	public static function from_file( $path ) {
		if ( ! is_readable( $path ) ) {
			return null;
		}
		$kit = json_decode( (string) file_get_contents( $path ), true );
		if ( ! is_array( $kit ) || ! isset( $kit['elements'], $kit['languages'], $kit['content'] ) ) {
			return null;
		}
		return new self( $kit );
	}

	/** @return string The package version the kit was built from. */
	public function version() {
		return isset( $this->kit['version'] ) ? (string) $this->kit['version'] : '';
	}

	/** @return string The stylesheet's file name, beside the scripts. */
	public function stylesheet() {
		return isset( $this->kit['stylesheet'] ) ? (string) $this->kit['stylesheet'] : 'milia-widgets.css';
	}

	/** @return string[] The languages the kit carries, e.g. `['en', 'es']`. */
	public function languages() {
		return array_values( (array) $this->kit['languages'] );
	}

	/**
	 * @param string $tag `milia-info` or `milia-faq`.
	 * @return array|null `['kind' => 'info', 'list' => 'sections']`, or null for an unknown tag.
	 */
	public function element( $tag ) {
		return isset( $this->kit['elements'][ $tag ] ) ? $this->kit['elements'][ $tag ] : null;
	}

	/** @return string[] The tags the kit describes. */
	public function tags() {
		return array_keys( (array) $this->kit['elements'] );
	}

	/**
	 * The language the content is shown in for a `lang` value: its primary subtag, lowercased
	 * (`es-ES`, `es_ES` -> `es`), if the kit carries it, else English.
	 *
	 * @param string|null $lang A language tag or a WordPress locale.
	 * @return string
	 */
	public function language( $lang ) {
		$primary = strtolower( (string) preg_replace( '/[-_].*$/s', '', self::trim( (string) $lang ) ) );
		return in_array( $primary, $this->languages(), true ) ? $primary : self::BASE_LANGUAGE;
	}

	/**
	 * The items (sections or questions) of an element in one language, in content order, with
	 * their titles: what the block editor lists as checkboxes.
	 *
	 * @param string $tag  `milia-info` or `milia-faq`.
	 * @param string $lang A language tag.
	 * @return array<int, array{id: string, title: string}>
	 */
	public function items( $tag, $lang ) {
		$k = $this->content( $tag, $this->language( $lang ) );
		if ( ! $k ) {
			return array();
		}
		$items = array();
		foreach ( $k['ids'] as $id ) {
			$title = $id;
			// The title is the text of the item's heading (`<h{level} …>…</h{level}>`).
			if ( preg_match( '#<h\{level\}[^>]*>(.*?)</h\{level\}>#s', (string) $k['items'][ $id ]['closed'], $match ) ) {
				$text = trim( html_entity_decode( strip_tags( $match[1] ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
				if ( '' !== $text ) {
					$title = preg_replace( '/\s+/u', ' ', $text );
				}
			}
			$items[] = array(
				'id'    => $id,
				'title' => $title,
			);
		}
		return $items;
	}

	/**
	 * The widget's HTML: the element with its attributes, and inside it a declarative shadow
	 * root holding the prerendered content for those attributes.
	 *
	 * @param string $tag        `milia-info` or `milia-faq`.
	 * @param array  $attributes Element attribute name => string value, or true for a bare
	 *                           boolean attribute. Names the element does not have are ignored.
	 *                           Values are written as given (escaped), also those the element
	 *                           will reject, so that it can warn about them in the console.
	 * @param string $css_href   URL of the stylesheet the shadow root links.
	 * @return string One line of HTML.
	 */
	public function render( $tag, array $attributes, $css_href ) {
		$el = $this->element( $tag );
		if ( ! $el ) {
			return '';
		}
		$get  = function ( $name ) use ( $attributes ) {
			return self::value( $attributes, $name );
		};

		// 1. Language and content.
		$k = $this->content( $tag, $this->language( $get( 'lang' ) ) );

		// 2. The items shown: the list's valid ids, in its order, without duplicates; all if none.
		$ids = $this->shown_ids( $tag, $attributes );

		// 3. The items open at start.
		$expanded = $get( 'expanded' );
		$value    = true === $expanded ? '' : strtolower( self::trim( (string) $expanded ) );
		if ( null === $expanded || 'none' === $value ) {
			$open = array();
		} elseif ( '' === $value || 'all' === $value ) {
			$open = $ids;
		} else {
			$open = array_values( array_intersect( $ids, $this->tokens( $expanded ) ) );
		}
		$single = null !== $get( 'single' );
		if ( $single ) {
			$open = array_slice( $open, 0, 1 ); // $open is in $ids order.
		}

		// 4. Heading level.
		$level = $this->heading_level( $get( 'heading-level' ) );

		// 5. Output, on one line.
		$html = '<' . $tag;
		foreach ( self::ATTRIBUTES as $name ) {
			$attribute = $get( $name );
			if ( null === $attribute ) {
				continue;
			}
			$boolean = 'single' === $name || 'structured-data' === $name;
			$html   .= $boolean || true === $attribute ? ' ' . $name : ' ' . $name . '="' . self::escape( (string) $attribute ) . '"';
		}
		$html .= '><template shadowrootmode="open"><link rel="stylesheet" href="' . self::escape( $css_href ) . '">' . $k['start'];
		if ( count( $ids ) > 1 && ! $single ) {
			$html .= $k['controls'][ count( $open ) === count( $ids ) ? 'open' : 'closed' ];
		}
		$cited = array();
		foreach ( $ids as $id ) {
			$item  = $k['items'][ $id ];
			$html .= str_replace( '{level}', (string) $level, $item[ in_array( $id, $open, true ) ? 'open' : 'closed' ] );
			foreach ( (array) $item['sources'] as $source ) {
				$cited[ $source ] = true;
			}
		}
		$html .= $k['footer']['start'];
		foreach ( $k['footer']['sources'] as $source => $li ) {
			if ( isset( $cited[ $source ] ) ) {
				$html .= $li;
			}
		}
		return $html . $k['footer']['end'] . '</template></' . $tag . '>';
	}

	/**
	 * The ids of the items a widget shows, in order: the valid ids of its list attribute
	 * (`sections` or `questions`), without duplicates; every item when it names none.
	 *
	 * @param string $tag        Element tag.
	 * @param array  $attributes Element attributes.
	 * @return string[]
	 */
	public function shown_ids( $tag, array $attributes ) {
		$el = $this->element( $tag );
		if ( ! $el ) {
			return array();
		}
		$all = $this->content( $tag, $this->language( self::value( $attributes, 'lang' ) ) )['ids'];
		$ids = array_values( array_intersect( $this->tokens( self::value( $attributes, $el['list'] ) ), $all ) );
		return $ids ? $ids : $all;
	}

	/**
	 * Escapes text for an HTML attribute value in double quotes, as the CLI does: &, ", < and
	 * > always (an existing entity is escaped again, unlike esc_attr(), so the element
	 * receives exactly the value that was given).
	 *
	 * @param string $text Any text.
	 * @return string
	 */
	public static function escape( $text ) {
		return strtr(
			(string) $text,
			array(
				'&' => '&amp;',
				'"' => '&quot;',
				'<' => '&lt;',
				'>' => '&gt;',
			)
		);
	}

	/**
	 * An attribute's value: a string, true for a bare attribute, or null when absent (missing,
	 * null or false).
	 *
	 * @param array  $attributes Element attributes.
	 * @param string $name       Attribute name.
	 * @return string|true|null
	 */
	private static function value( array $attributes, $name ) {
		return isset( $attributes[ $name ] ) && false !== $attributes[ $name ] ? $attributes[ $name ] : null;
	}

	/**
	 * The content of one element kind in one language.
	 *
	 * @param string $tag  Element tag.
	 * @param string $lang A language the kit carries.
	 * @return array|null
	 */
	private function content( $tag, $lang ) {
		$el = $this->element( $tag );
		if ( ! $el || ! isset( $this->kit['content'][ $lang ][ $el['kind'] ] ) ) {
			return null;
		}
		return $this->kit['content'][ $lang ][ $el['kind'] ];
	}

	/**
	 * Splits an id list as the element does: on whitespace, lowercased, without duplicates.
	 *
	 * @param string|true|null $value Attribute value.
	 * @return string[]
	 */
	private function tokens( $value ) {
		if ( null === $value || true === $value ) {
			return array();
		}
		$parts = preg_split( '/' . self::WHITESPACE . '+/u', (string) $value );
		if ( false === $parts ) { // Not UTF-8: no id can match anything but ASCII anyway.
			$parts = preg_split( '/\s+/', (string) $value );
		}
		return array_values( array_unique( array_filter( array_map( 'strtolower', $parts ), 'strlen' ) ) );
	}

	/**
	 * The heading level: 2 to 6 when the attribute is an integer in that range, else 2.
	 *
	 * Leading and trailing spaces are allowed, as the element's `Number()` allows them.
	 *
	 * @param string|true|null $value Attribute value.
	 * @return int
	 */
	private function heading_level( $value ) {
		if ( null === $value || is_bool( $value ) ) {
			return 2;
		}
		$text = self::trim( (string) $value );
		return preg_match( '/^[2-6]$/', $text ) ? (int) $text : 2;
	}

	/**
	 * Trims whitespace as JavaScript's `String.prototype.trim()` does (PHP's trim() leaves a
	 * no-break space, for example).
	 *
	 * @param string $text Any text.
	 * @return string
	 */
	private static function trim( $text ) {
		$trimmed = preg_replace( '/^' . self::WHITESPACE . '+|' . self::WHITESPACE . '+$/u', '', $text );
		return is_string( $trimmed ) ? $trimmed : trim( $text ); // Not UTF-8: ASCII spaces only.
	}
}
