<?php
/**
 * The WordPress side: blocks, shortcodes, the scripts and the editor.
 *
 * @package MiliaWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers everything on `init` and renders the widgets.
 */
final class Milia_Widgets_Plugin {

	/** Script handle (classic script, and script module id on WordPress 6.5+). */
	const HANDLE = 'milia-widgets';

	/** Block name suffix => element tag. */
	const BLOCKS = array(
		'info' => 'milia-info',
		'faq'  => 'milia-faq',
	);

	/** Shortcode => element tag. */
	const SHORTCODES = array(
		'milia_info' => 'milia-info',
		'milia_faq'  => 'milia-faq',
	);

	/** @var Milia_Widgets_Kit|null|false The kit; false until read. */
	private static $kit = false;

	/** @var bool Whether this page's widgets script is enqueued. */
	private static $enqueued = false;

	/** Hooks in. Called once, from the main plugin file. */
	public static function boot() {
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'editor_data' ) );
		// Editors that draw the content in an iframe (the site editor) load this hook's assets
		// into it: the previews there need the elements too.
		add_action( 'enqueue_block_assets', array( __CLASS__, 'editor_canvas' ) );
		// Classic themes print <head> before the content renders: look ahead for our widgets.
		add_action( 'wp_enqueue_scripts', array( __CLASS__, 'enqueue_style_early' ) );
		// wptexturize() runs over the whole rendered content after blocks render (and over a
		// block theme's whole template): it would turn the quotes and dashes inside the
		// prerendered shadow root into typographic ones, so the text would change when the
		// script upgrades the element (and differ from `npx milia-widgets render`).
		add_filter( 'no_texturize_tags', array( __CLASS__, 'no_texturize_tags' ) );
	}

	/** Registers the scripts, the blocks and the shortcodes. */
	public static function register() {
		$version = MILIA_WIDGETS_VERSION;
		// The classic build carries every language; always registered: the editor uses it,
		// and it is what WordPress before 6.5 loads on the page.
		wp_register_script( self::HANDLE, self::asset_url( 'milia-widgets.iife.js' ), array(), $version, true );
		if ( function_exists( 'wp_register_script_module' ) ) {
			// WordPress 6.5+: the ES module, which fetches a language file (beside it, by
			// import.meta.url) only when the page needs one.
			wp_register_script_module( self::HANDLE, self::asset_url( 'milia-widgets.js' ), array(), $version );
		}
		// The prerendered HTML's stylesheet, also linked from the page: Firefox and Safari paint
		// a shadow root before a stylesheet linked inside it has loaded, while one in <head>
		// holds the first paint. Same URL as the shadow root's link (one request). Its rules
		// are scoped to the widget (:host), so it restyles nothing of the theme's.
		$kit = self::kit();
		wp_register_style( self::HANDLE, self::asset_url( $kit ? $kit->stylesheet() : 'milia-widgets.css' ), array(), $version );

		wp_register_script(
			'milia-widgets-editor',
			plugins_url( 'editor/blocks.js', MILIA_WIDGETS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-server-side-render', self::HANDLE ),
			$version,
			true
		);
		wp_set_script_translations( 'milia-widgets-editor', 'milia-widgets' );

		foreach ( self::BLOCKS as $name => $tag ) {
			register_block_type(
				MILIA_WIDGETS_DIR . 'blocks/' . $name,
				array(
					'render_callback' => function ( $attributes ) use ( $tag ) {
						return Milia_Widgets_Plugin::render_block( $tag, (array) $attributes );
					},
				)
			);
		}
		foreach ( self::SHORTCODES as $shortcode => $tag ) {
			add_shortcode(
				$shortcode,
				function ( $atts ) use ( $tag ) {
					return Milia_Widgets_Plugin::render_shortcode( $tag, $atts );
				}
			);
		}
	}

	/**
	 * A block's HTML: a wrapper carrying the block's classes (alignment, custom class) around
	 * the element.
	 *
	 * @param string $tag        Element tag.
	 * @param array  $attributes Block attributes.
	 * @return string
	 */
	public static function render_block( $tag, array $attributes ) {
		$kit     = self::kit();
		$list    = $kit ? $kit->element( $tag )['list'] : ( 'milia-faq' === $tag ? 'questions' : 'sections' );
		$element = self::render( $tag, Milia_Widgets_Attributes::from_block( $attributes, $list ) );
		return '<div ' . get_block_wrapper_attributes() . '>' . $element . '</div>';
	}

	/**
	 * A shortcode's HTML: the element alone.
	 *
	 * @param string       $tag  Element tag.
	 * @param array|string $atts Shortcode attributes as WordPress passes them.
	 * @return string
	 */
	public static function render_shortcode( $tag, $atts ) {
		$kit  = self::kit();
		$list = $kit ? $kit->element( $tag )['list'] : ( 'milia-faq' === $tag ? 'questions' : 'sections' );
		return self::render( $tag, Milia_Widgets_Attributes::from_shortcode( $atts, $list ) );
	}

	/**
	 * The element with its prerendered content, and the script enqueued for this page.
	 *
	 * @param string $tag        Element tag.
	 * @param array  $attributes Element attributes (see Milia_Widgets_Kit::render()).
	 * @return string
	 */
	public static function render( $tag, array $attributes ) {
		if ( is_feed() ) {
			return self::render_for_feed( $tag, $attributes );
		}
		// No `lang` given: the post's or site's language (`es_ES` -> `es`), written on the
		// element so that the prerendered text and the upgraded element agree whatever the
		// theme puts on <html>.
		if ( ! isset( $attributes['lang'] ) || true === $attributes['lang'] || '' === trim( $attributes['lang'] ) ) {
			$attributes['lang'] = self::default_lang();
		}
		self::enqueue();
		$kit = self::kit();
		if ( $kit ) {
			// The version as a query, so that an update of the plugin is not hidden by a cache.
			$css_href = self::asset_url( $kit->stylesheet() ) . '?ver=' . rawurlencode( MILIA_WIDGETS_VERSION );
			return $kit->render( $tag, $attributes, $css_href );
		}
		return self::render_without_kit( $tag, $attributes );
	}

	/**
	 * The language of widgets that do not name one: the locale's language if the widgets
	 * carry it, else English. Filter `milia_widgets_lang` to decide per post (a multilingual
	 * plugin usually filters `locale` already, which this follows).
	 *
	 * @return string
	 */
	public static function default_lang() {
		$kit  = self::kit();
		$lang = $kit ? $kit->language( get_locale() ) : 'en';
		/**
		 * Filters the language of a widget whose block or shortcode names none.
		 *
		 * @param string $lang    `en` or `es`, from get_locale().
		 * @param int    $post_id The post being rendered, 0 outside the loop.
		 */
		return (string) apply_filters( 'milia_widgets_lang', $lang, (int) get_the_ID() );
	}

	/**
	 * Enqueues the widgets script, once per page, in the footer: the ES module where
	 * WordPress has script modules (6.5+), else the classic script. WordPress prints a handle
	 * once however often it is enqueued; the flag only saves the work. And the stylesheet:
	 * block themes render the content before <head> is printed, so it lands there (classic
	 * themes: see enqueue_style_early()).
	 */
	public static function enqueue() {
		if ( self::$enqueued ) {
			return;
		}
		self::$enqueued = true;
		wp_enqueue_style( self::HANDLE );
		if ( function_exists( 'wp_enqueue_script_module' ) ) {
			wp_enqueue_script_module( self::HANDLE );
		} else {
			wp_enqueue_script( self::HANDLE );
		}
	}

	/**
	 * With a classic theme, <head> is printed before the content renders, so a stylesheet
	 * enqueued while rendering would land in the footer. For a single post or page whose
	 * content has one of our blocks or shortcodes, enqueue it now, in <head> (block themes
	 * get it there anyway, see enqueue()). Widgets elsewhere (a widget area, a template)
	 * still get it late, which costs nothing: the shadow roots link the same URL.
	 */
	public static function enqueue_style_early() {
		$post = is_singular() ? get_post() : null;
		if ( ! $post ) {
			return;
		}
		foreach ( array_keys( self::BLOCKS ) as $block ) {
			if ( has_block( 'milia-widgets/' . $block, $post ) ) {
				wp_enqueue_style( self::HANDLE );
				return;
			}
		}
		foreach ( array_keys( self::SHORTCODES ) as $shortcode ) {
			if ( has_shortcode( $post->post_content, $shortcode ) ) {
				wp_enqueue_style( self::HANDLE );
				return;
			}
		}
	}

	/**
	 * What the block editor needs: every element's items with titles in the editor's
	 * language, in content order, and the languages.
	 */
	public static function editor_data() {
		$kit  = self::kit();
		$data = array(
			'languages' => $kit ? $kit->languages() : array( 'en' ),
			'elements'  => array(),
		);
		if ( $kit ) {
			$lang = $kit->language( get_user_locale() );
			foreach ( $kit->tags() as $tag ) {
				$data['elements'][ $tag ] = array(
					'list'  => $kit->element( $tag )['list'],
					'items' => $kit->items( $tag, $lang ),
				);
			}
		}
		wp_add_inline_script( 'milia-widgets-editor', 'window.miliaWidgetsEditor = ' . wp_json_encode( $data ) . ';', 'before' );
	}

	/** In an editor (not on the site), defines the elements so that block previews upgrade. */
	public static function editor_canvas() {
		if ( is_admin() ) {
			wp_enqueue_script( self::HANDLE );
		}
	}

	/**
	 * Adds `template` to the elements wptexturize() leaves alone, on pages with a widget
	 * (WordPress asks on every call; the widgets have rendered by the time the content that
	 * holds them is texturized).
	 *
	 * @param string[] $tags Element names.
	 * @return string[]
	 */
	public static function no_texturize_tags( $tags ) {
		if ( self::$enqueued ) {
			$tags[] = 'template';
		}
		return $tags;
	}

	/** @return Milia_Widgets_Kit|null The kit shipped with the plugin, read once per request. */
	public static function kit() {
		if ( false === self::$kit ) {
			self::$kit = Milia_Widgets_Kit::from_file( MILIA_WIDGETS_DIR . 'assets/prerender-kit.json' );
		}
		return self::$kit;
	}

	/**
	 * URL of a file in the plugin's `assets/` folder.
	 *
	 * @param string $file File name.
	 * @return string
	 */
	private static function asset_url( $file ) {
		return plugins_url( 'assets/' . $file, MILIA_WIDGETS_FILE );
	}

	/**
	 * In a feed, where readers show neither scripts nor shadow roots: the titles of the items
	 * the widget shows, each a link to it on the page (`#milia-<id>` opens it there).
	 *
	 * @param string $tag        Element tag.
	 * @param array  $attributes Element attributes.
	 * @return string
	 */
	private static function render_for_feed( $tag, array $attributes ) {
		$kit = self::kit();
		if ( ! $kit ) {
			return '';
		}
		$lang   = isset( $attributes['lang'] ) && is_string( $attributes['lang'] ) && '' !== trim( $attributes['lang'] )
			? $attributes['lang'] : self::default_lang();
		$titles = array_column( $kit->items( $tag, $lang ), 'title', 'id' );
		$html   = '';
		foreach ( $kit->shown_ids( $tag, $attributes ) as $id ) { // In the order the widget shows them.
			$html .= '<li><a href="' . esc_url( get_permalink() . '#milia-' . $id ) . '">' . esc_html( $titles[ $id ] ) . '</a></li>';
		}
		return '<ul>' . $html . '</ul>';
	}

	/**
	 * Without a kit (a damaged install): the element with its attributes and, for readers
	 * without JavaScript, a link to the text, which the element hides once it upgrades.
	 *
	 * @param string $tag        Element tag.
	 * @param array  $attributes Element attributes.
	 * @return string
	 */
	private static function render_without_kit( $tag, array $attributes ) {
		$html = '<' . $tag;
		foreach ( $attributes as $name => $value ) {
			$html .= true === $value ? ' ' . $name : ' ' . $name . '="' . Milia_Widgets_Kit::escape( $value ) . '"';
		}
		$text = 'es' === substr( (string) $attributes['lang'], 0, 2 )
			? '<a href="https://dermnetnz.org/topics/milium">Información sobre los milios (DermNet, en inglés)</a>'
			: '<a href="https://dermnetnz.org/topics/milium">Information about milia (DermNet)</a>';
		return $html . '><p>' . $text . '</p></' . $tag . '>';
	}
}
