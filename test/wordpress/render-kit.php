<?php
// render-kit.php — runs the plugin's kit assembler and attribute mapping with the PHP CLI
// alone (no WordPress), for the tests: reads a JSON list of cases on stdin, prints a JSON list
// of results.
//   php render-kit.php <plugin-dir> <prerender-kit.json> [<wordpress-dir>] < cases.json
// A case is {tag, css, attributes} (element attributes, `true` for a bare one), or
// {tag, css, block} (block attributes), or {tag, css, shortcode} (the shortcode's attribute
// text, parsed by WordPress's own shortcode_parse_atts() from <wordpress-dir>). Each result
// is {attributes (the element attributes used), html}.
if (PHP_SAPI !== 'cli') { exit; }
[, $plugin, $kitFile, $wordpress] = array_pad($argv, 4, '/usr/share/wordpress');
define('MILIA_WIDGETS_STANDALONE', true);
require $plugin . '/includes/class-milia-widgets-kit.php';
require $plugin . '/includes/class-milia-widgets-attributes.php';
$kit = Milia_Widgets_Kit::from_file($kitFile);
if (!$kit) { fwrite(STDERR, "render-kit: $kitFile is not a prerender kit\n"); exit(1); }
$cases = json_decode(stream_get_contents(STDIN), true);
$out = [];
foreach ($cases as $case) {
  $list = $kit->element($case['tag'])['list'];
  if (isset($case['shortcode'])) {
    if (!function_exists('shortcode_parse_atts')) {
      // Only function definitions: safe to load without the rest of WordPress.
      require $wordpress . '/wp-includes/shortcodes.php';
    }
    $attributes = Milia_Widgets_Attributes::from_shortcode(shortcode_parse_atts($case['shortcode']), $list);
  } elseif (isset($case['block'])) {
    $attributes = Milia_Widgets_Attributes::from_block($case['block'], $list);
  } else {
    $attributes = $case['attributes'];
  }
  $out[] = ['attributes' => (object) $attributes, 'html' => $kit->render($case['tag'], $attributes, $case['css'] ?? 'milia-widgets.css')];
}
echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
