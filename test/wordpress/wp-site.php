<?php
// wp-site.php — the WordPress chores of setup.sh and of the plugin tests, run with the PHP CLI
// as the web user (no wp-cli in Debian bookworm). A copy of ../shared/recipes/wordpress/
// wp-site.php with the tests' commands added. Boots Debian's WordPress with the site config
// chosen by WORDPRESS_CONFIG (as nginx passes it), then:
//   install   <base-url> <admin-password>  completes the install once (wp_install)
//   configure <base-url> <admin-password>  theme, permalinks, users, application passwords;
//                                          prints the state as JSON
//   install-plugin <base-url> <zip>        installs (or replaces) a plugin zip with
//                                          Plugin_Upgrader, as Plugins > Add New > Upload
//                                          does, and activates it; prints JSON
//   posts <base-url> <posts.json>          saves posts, each as its user (`author` or
//                                          `admin`), through wp_insert_post() so that kses
//                                          filters them as the editor would; prints
//                                          {key: {id, url, content}} (content as saved)
//   locale <base-url> <locale>             site language (`es_ES`, or `en_US`); writes the
//                                          minimal language file WordPress requires
//   theme <base-url> <stylesheet>          switches the theme
// `setup.sh wp <command> <args>` runs these with the base URL filled in.
if (PHP_SAPI !== 'cli') { http_response_code(404); exit; }
[$self, $cmd, $base, $arg] = array_pad($argv, 4, '');
$commands = ['install', 'configure', 'install-plugin', 'posts', 'locale', 'theme'];
if (!in_array($cmd, $commands, true) || $base === '' || $arg === '') {
  fwrite(STDERR, "usage: php wp-site.php " . implode('|', $commands) . " <base-url> <argument>\n");
  exit(2);
}
$adminPassword = $arg;
$u = parse_url($base);
$_SERVER['HTTP_HOST'] = $u['host'] . (isset($u['port']) ? ':' . $u['port'] : '');
$_SERVER['SERVER_NAME'] = $u['host'];
$_SERVER['SERVER_PORT'] = (string) ($u['port'] ?? 80);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG') ?: 'milia-cms';
$wpRoot = rtrim(getenv('WP_ROOT') ?: '/usr/share/wordpress', '/');

const ADMIN = 'admin';
const AUTHOR = 'milia-author';
const APP_NAME = 'milia-widgets-tests';

if ($cmd === 'install') {
  define('WP_INSTALLING', true);
  require $wpRoot . '/wp-load.php';
  require_once ABSPATH . 'wp-admin/includes/upgrade.php';
  if (is_blog_installed()) { echo "WordPress already installed\n"; exit(0); }
  $r = wp_install('Milia clinic (test site)', ADMIN, 'admin@example.com', false, '', $adminPassword, 'en_US');
  if (empty($r['user_id'])) { fwrite(STDERR, "wp_install failed\n"); exit(1); }
  echo "WordPress installed (admin user id {$r['user_id']})\n";
  exit(0);
}

require $wpRoot . '/wp-load.php';
if ($cmd !== 'configure') {
  if (!is_blog_installed()) { fwrite(STDERR, "WordPress is not installed\n"); exit(1); }
  $chores = ['install-plugin' => 'install_plugin', 'posts' => 'save_posts', 'locale' => 'set_locale', 'theme' => 'set_theme'];
  $result = $chores[$cmd]($arg);
  echo json_encode($result, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
  exit(0);
}

// configure
require_once ABSPATH . 'wp-admin/includes/user.php';
if (!is_blog_installed()) { fwrite(STDERR, "WordPress is not installed\n"); exit(1); }

if (get_stylesheet() !== 'twentytwentythree') {
  $theme = wp_get_theme('twentytwentythree');
  if (!$theme->exists()) { fwrite(STDERR, "theme twentytwentythree not found\n"); exit(1); }
  switch_theme('twentytwentythree');
}
global $wp_rewrite, $wp_version;
if (get_option('permalink_structure') !== '/%postname%/') {
  $wp_rewrite->set_permalink_structure('/%postname%/');
  flush_rewrite_rules(false);
}
update_option('blogdescription', 'A local WordPress for milia-widgets tests');

$admin = get_user_by('login', ADMIN);
if (!$admin) { fwrite(STDERR, "no admin user\n"); exit(1); }
if (!wp_check_password($adminPassword, $admin->user_pass, $admin->ID)) wp_set_password($adminPassword, $admin->ID);

// An Author (no unfiltered_html) to show what WordPress does to the same embed for that role.
$author = get_user_by('login', AUTHOR);
if (!$author) {
  $id = wp_insert_user(['user_login' => AUTHOR, 'user_email' => 'author@example.com',
    'user_pass' => wp_generate_password(24), 'role' => 'author', 'display_name' => 'Milia Author']);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
  $author = get_user_by('id', $id);
}

// A fresh application password per setup run (old ones with our name are revoked).
function fresh_app_password($userId) {
  foreach (WP_Application_Passwords::get_user_application_passwords($userId) as $item) {
    if ($item['name'] === APP_NAME) WP_Application_Passwords::delete_application_password($userId, $item['uuid']);
  }
  $r = WP_Application_Passwords::create_new_application_password($userId, ['name' => APP_NAME]);
  if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message() . "\n"); exit(1); }
  return $r[0];
}

echo json_encode([
  'base' => rtrim(home_url('/'), '/'),
  'wp_version' => $wp_version,
  'theme' => get_stylesheet(),
  'content_dir' => WP_CONTENT_DIR,
  'content_url' => content_url(),
  'uploads_dir' => wp_upload_dir(null, false)['basedir'],
  'uploads_url' => wp_upload_dir(null, false)['baseurl'],
  'admin' => ['user' => ADMIN, 'password' => $adminPassword, 'app_password' => fresh_app_password($admin->ID)],
  'author' => ['user' => AUTHOR, 'app_password' => fresh_app_password($author->ID)],
  'app_passwords_available' => wp_is_application_passwords_available(),
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n";


function fail($message) { fwrite(STDERR, "wp-site: $message\n"); exit(1); }

/** Installs a plugin zip the way Plugins > Add New > Upload does, replacing an older copy, and activates it. */
function install_plugin($zip) {
  require_once ABSPATH . 'wp-admin/includes/file.php';
  require_once ABSPATH . 'wp-admin/includes/misc.php';
  require_once ABSPATH . 'wp-admin/includes/plugin.php';
  require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
  if (!is_readable($zip)) fail("cannot read $zip");
  wp_set_current_user(get_user_by('login', ADMIN)->ID);
  $skin = new WP_Ajax_Upgrader_Skin();
  $upgrader = new Plugin_Upgrader($skin);
  $ok = $upgrader->install($zip, ['overwrite_package' => true]);
  if (is_wp_error($ok)) fail('install: ' . $ok->get_error_message());
  if (!$ok) fail('install: ' . implode('; ', $skin->get_error_messages() ?: ['failed']));
  $file = $upgrader->plugin_info();
  if (!$file) fail('install: no plugin found in the zip');
  $activated = activate_plugin($file, '', false, false);
  if (is_wp_error($activated)) fail('activate: ' . $activated->get_error_message());
  $data = get_plugin_data(WP_PLUGIN_DIR . '/' . $file, false, false);
  return ['plugin' => $file, 'dir' => dirname(WP_PLUGIN_DIR . '/' . $file), 'active' => is_plugin_active($file),
    'name' => $data['Name'], 'version' => $data['Version'], 'requires_wp' => $data['RequiresWP'], 'requires_php' => $data['RequiresPHP'],
    'messages' => $skin->get_upgrade_messages()];
}

/**
 * Saves posts from a JSON file: [{key, title, content, user: "author"|"admin"}]. Each is saved
 * as its user, so that kses filters an author's content as the editor would.
 */
function save_posts($file) {
  $posts = json_decode((string) file_get_contents($file), true);
  if (!is_array($posts)) fail("$file holds no JSON list of posts");
  $users = ['author' => get_user_by('login', AUTHOR), 'admin' => get_user_by('login', ADMIN)];
  $out = [];
  foreach ($posts as $post) {
    $user = $users[$post['user'] ?? 'author'] ?? fail("unknown user in post {$post['key']}");
    wp_set_current_user($user->ID); // kses_init runs on set_current_user: an author's content is filtered.
    $id = wp_insert_post(wp_slash(['post_title' => $post['title'], 'post_content' => $post['content'],
      'post_status' => 'publish', 'post_author' => $user->ID, 'post_type' => 'post']), true);
    if (is_wp_error($id)) fail("post {$post['key']}: " . $id->get_error_message());
    $out[$post['key']] = ['id' => $id, 'url' => get_permalink($id), 'content' => get_post_field('post_content', $id, 'raw'),
      'can_unfiltered_html' => user_can($user, 'unfiltered_html')];
  }
  wp_set_current_user(0);
  return $out;
}

/**
 * Sets the site language. WordPress keeps WPLANG only for a language it has a file for, so a
 * minimal (empty) translation file is written first: a valid .mo with no strings.
 */
function set_locale($locale) {
  if ($locale !== 'en_US') {
    if (!preg_match('/^[a-z]{2,3}(_[A-Z]{2})?$/', $locale)) fail("bad locale $locale");
    wp_mkdir_p(WP_LANG_DIR);
    $mo = WP_LANG_DIR . "/$locale.mo";
    // One entry, the header (an empty .mo makes WordPress 6.1 call fread() with length 0,
    // a fatal error on PHP 8): magic, revision, 1 string, where the tables of original and
    // translated strings start, no hash table (its address is where the strings start); the
    // two tables (length, offset); the strings, each ending in NUL.
    $headers = "Language: $locale\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n";
    $data = pack('V7', 0x950412de, 0, 1, 28, 36, 0, 44) . pack('V2', 0, 44) . pack('V2', strlen($headers), 45) . "\0" . $headers . "\0";
    if (file_put_contents($mo, $data) === false) fail("cannot write $mo");
  }
  update_option('WPLANG', $locale === 'en_US' ? '' : $locale);
  $saved = get_option('WPLANG');
  if ($saved !== ($locale === 'en_US' ? '' : $locale)) fail("WordPress did not keep WPLANG=$locale");
  return ['WPLANG' => $saved];
}

function set_theme($stylesheet) {
  $theme = wp_get_theme($stylesheet);
  if (!$theme->exists() || $theme->errors()) fail("theme $stylesheet: " . ($theme->errors() ? $theme->errors()->get_error_message() : 'not found'));
  switch_theme($stylesheet);
  return ['theme' => get_stylesheet(), 'block_theme' => wp_is_block_theme()];
}
