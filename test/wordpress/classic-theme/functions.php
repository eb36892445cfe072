<?php
// A <title> from WordPress, and the stylesheet: what any classic theme does.
add_action( 'after_setup_theme', function () { add_theme_support( 'title-tag' ); } );
add_action( 'wp_enqueue_scripts', function () { wp_enqueue_style( 'milia-classic', get_stylesheet_uri(), array(), '1.0' ); } );
