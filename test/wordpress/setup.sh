#!/usr/bin/env bash
# setup.sh [stop|status|purge|wp …] — a local, private WordPress for the milia-widgets plugin
# tests (test/wordpress/). A copy of ../shared/recipes/wordpress/setup.sh, extended:
#   - wp-content/themes holds Debian's Twenty Twenty-Three (a link) and the minimal classic
#     theme of classic-theme/ (copied, as "milia-classic");
#   - the must-use plugins of mu-plugins/ are copied to wp-content/mu-plugins (the one there
#     logs PHP notices, warnings and _doing_it_wrong() calls, so that tests see them);
#   - wp-content (plugins, upgrade, languages) belongs to the web user, and FS_METHOD is
#     'direct': Debian's WordPress files belong to root, so without it WordPress asks for FTP
#     credentials in Plugins > Add New > Upload;
#   - `setup.sh wp <command> …` runs a wp-site.php command as the web user (see wp-site.php).
#
# Uses Debian's own packages (wordpress 6.1.x, the Twenty Twenty-Three block theme, MariaDB,
# PHP-FPM, nginx), installed with apt only when missing, and runs them as private instances:
#   - state (database files, sockets, logs, wp-content with uploads, credentials) lives in
#     $MILIA_CMS_DIR, default ${TMPDIR:-/tmp}/milia-cms;
#   - MariaDB listens on a unix socket only (--skip-networking); PHP-FPM on a unix socket;
#   - nginx listens on 127.0.0.1:$CMS_PORT (default 8765, or the port recorded in the state);
#   - Debian's wp-config.php picks its site config by the WORDPRESS_CONFIG fastcgi param:
#     /etc/wordpress/config-milia-cms-<hash of the state dir>.php, one line that loads the
#     config kept in the state dir (so two state dirs on two ports do not collide).
# The WordPress install is completed non-interactively with the PHP CLI (cms/wp-site.php):
# no wp-cli (not in Debian bookworm). Idempotent: services already running are reused,
# dead ones restarted, an installed site kept. The last line printed is the base URL.
#   bash setup.sh          install if needed, start, print the base URL
#   bash setup.sh status   say what runs
#   bash setup.sh stop     stop the three daemons (state is kept)
#   bash setup.sh purge    stop, then delete the state dir and its /etc/wordpress config file
#   bash setup.sh wp CMD … run `php wp-site.php CMD …` as the web user against this site
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
STATE="${MILIA_CMS_DIR:-${TMPDIR:-/tmp}/milia-cms}"
# WORDPRESS_CONFIG value -> /etc/wordpress/config-$SITE_NAME.php, one per state dir
SITE_NAME="milia-cms-$(printf '%s' "$STATE" | md5sum | cut -c1-8)"
WP_ROOT="${WP_ROOT:-/usr/share/wordpress}" # where Debian's wordpress package puts WordPress
HOST=127.0.0.1
ACTION="${1:-start}"

say() { echo "setup: $*"; }
die() { echo "setup: FAIL $*" >&2; exit 1; }

alive() { # alive PIDFILE -> 0 when the pid in it is a live process
  local pid
  [ -s "$1" ] || return 1
  pid="$(cat "$1" 2>/dev/null)"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
stop_one() { # stop_one NAME PIDFILE
  if alive "$2"; then
    local pid; pid="$(cat "$2")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    say "stopped $1 (pid $pid)"
  fi
  rm -f "$2"
}

if [ "$ACTION" = stop ] || [ "$ACTION" = purge ]; then
  stop_one nginx "$STATE/run/nginx.pid"
  stop_one php-fpm "$STATE/run/php-fpm.pid"
  stop_one mariadb "$STATE/dbrun/mysqld.pid"
  if [ "$ACTION" = purge ]; then
    rm -rf "$STATE" "/etc/wordpress/config-$SITE_NAME.php"
    say "removed $STATE and /etc/wordpress/config-$SITE_NAME.php"
  fi
  exit 0
fi
if [ "$ACTION" = wp ]; then
  shift
  [ -f "$STATE/state.json" ] || die "no site in $STATE: run setup.sh first"
  # stdin carries the script: the web user need not be able to read this folder.
  cmd="${1:?usage: setup.sh wp <command> [args]}"; shift
  exec runuser -u www-data -- env WORDPRESS_CONFIG="$SITE_NAME" WP_ROOT="$WP_ROOT" \
    php -d display_errors=stderr -- "$cmd" "http://$HOST:$(cat "$STATE/port")" "$@" < "$HERE/wp-site.php"
fi
if [ "$ACTION" = status ]; then
  for s in nginx:run/nginx.pid php-fpm:run/php-fpm.pid mariadb:dbrun/mysqld.pid; do
    if alive "$STATE/${s#*:}"; then say "${s%%:*} running (pid $(cat "$STATE/${s#*:}"))"; else say "${s%%:*} not running"; fi
  done
  [ -f "$STATE/state.json" ] && say "base URL $(sed -n 's/.*"base": *"\([^"]*\)".*/\1/p' "$STATE/state.json")"
  exit 0
fi
[ "$ACTION" = start ] || die "unknown action '$ACTION' (start|stop|status|purge|wp)"
[ "$(id -u)" -eq 0 ] || die "run as root (apt, and the daemons switch to www-data/mysql)"

# ------------------------------------------------------------------ packages (only if missing)
PKGS=(wordpress wordpress-theme-twentytwentythree mariadb-server mariadb-client php-fpm php-cli php-mysql
      php-mbstring php-xml nginx curl)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Keep the packages' own services from starting (nginx's default site would listen on
  # 0.0.0.0:80): a policy-rc.d that says "no", only if the machine has none already.
  own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; own_policy=1
    trap '[ "$own_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  # wordpress Depends "libapache2-mod-php | php": refuse mod_php so that apt takes php-fpm
  # and pulls in no Apache at all.
  extra=()
  modphp="$(apt-cache depends php-fpm 2>/dev/null | sed -n 's/.*Depends: php\([0-9.]*\)-fpm.*/libapache2-mod-php\1-/p' | head -n1)"
  [ -n "$modphp" ] && extra+=("$modphp")
  apt-get install -y -qq --no-install-recommends "${missing[@]}" "${extra[@]}" >/dev/null
  if [ "$own_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; own_policy=0; fi
fi
[ -f "$WP_ROOT/wp-load.php" ] || die "no WordPress at $WP_ROOT (package wordpress)"
[ -d "$WP_ROOT/wp-content/themes/twentytwentythree" ] || die "theme twentytwentythree missing in $WP_ROOT/wp-content/themes"
PHPFPM="$(ls /usr/sbin/php-fpm* 2>/dev/null | sort -V | tail -n1)"
[ -x "$PHPFPM" ] || die "php-fpm binary not found in /usr/sbin"
MARIADBD="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
[ -x "$MARIADBD" ] || die "mariadbd not found"

# ------------------------------------------------------------------ state dir, one setup at a time
mkdir -p "$STATE"
chmod 755 "$STATE"
exec 9>"$STATE/.setup.lock"   # daemons are started with 9>&- so they do not keep the lock
flock -w 300 9 || die "another setup.sh holds $STATE/.setup.lock"
mkdir -p "$STATE"/{run,log,nginx/tmp,dbrun} "$STATE"/wp-content/{uploads,plugins,upgrade,languages,mu-plugins}
chown mysql:mysql "$STATE/dbrun"
# The web user installs plugins (Plugin_Upgrader unpacks into upgrade/, then plugins/) and
# writes the language file.
chown -R www-data:www-data "$STATE"/wp-content/{uploads,plugins,upgrade,languages}
# Themes: Debian's block theme, linked, and our classic theme, copied (the web user need not
# read this folder).
[ -L "$STATE/wp-content/themes" ] && rm "$STATE/wp-content/themes"   # state from the shared recipe
mkdir -p "$STATE/wp-content/themes"
ln -sfn "$WP_ROOT/wp-content/themes/twentytwentythree" "$STATE/wp-content/themes/twentytwentythree"
if [ -d "$HERE/classic-theme" ]; then
  rm -rf "$STATE/wp-content/themes/milia-classic"
  cp -R "$HERE/classic-theme" "$STATE/wp-content/themes/milia-classic"
  chmod -R a+rX "$STATE/wp-content/themes/milia-classic"
fi
if [ -d "$HERE/mu-plugins" ]; then
  cp "$HERE"/mu-plugins/*.php "$STATE/wp-content/mu-plugins/"
  chmod a+r "$STATE"/wp-content/mu-plugins/*.php
fi

# Port: explicit CMS_PORT, else the one recorded at the last setup, else 8765.
PORT="${CMS_PORT:-$(cat "$STATE/port" 2>/dev/null || echo 8765)}"
BASE="http://$HOST:$PORT"
if ! alive "$STATE/run/nginx.pid" && ss -ltnH "sport = :$PORT" | grep -q .; then
  die "port $PORT is taken by another program (set CMS_PORT)"
fi

# Secrets, made once and kept (mode 600; the site config gets the DB password, group www-data).
if [ ! -s "$STATE/secrets.env" ]; then
  umask 077
  { echo "DB_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
    echo "ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"; } > "$STATE/secrets.env"
  umask 022
fi
# shellcheck disable=SC1091
. "$STATE/secrets.env"

# ------------------------------------------------------------------ MariaDB (unix socket only)
SOCK="$STATE/dbrun/mysqld.sock"
if ! alive "$STATE/dbrun/mysqld.pid"; then
  rm -f "$SOCK" "$STATE/dbrun/mysqld.pid"
  if [ ! -d "$STATE/db/mysql" ]; then
    say "initialising MariaDB data in $STATE/db"
    mkdir -p "$STATE/db"; chown mysql:mysql "$STATE/db"; chmod 700 "$STATE/db"
    mariadb-install-db --no-defaults --user=mysql --datadir="$STATE/db" --auth-root-authentication-method=socket \
      --skip-test-db > "$STATE/log/mariadb-install.log" 2>&1 || { tail -n 20 "$STATE/log/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
  fi
  say "starting MariaDB (socket $SOCK, no TCP)"
  setsid "$MARIADBD" --no-defaults --user=mysql --datadir="$STATE/db" --socket="$SOCK" \
    --pid-file="$STATE/dbrun/mysqld.pid" --skip-networking --log-error="$STATE/log/mariadb.log" \
    --innodb-buffer-pool-size=64M --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    </dev/null >/dev/null 2>&1 9>&- &
  for _ in $(seq 1 100); do
    mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 && break; sleep 0.3
  done
  mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 || { tail -n 20 "$STATE/log/mariadb.log" >&2; die "MariaDB did not start"; }
else
  say "MariaDB already running (pid $(cat "$STATE/dbrun/mysqld.pid"))"
fi
mariadb --no-defaults --socket="$SOCK" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'milia'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER 'milia'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON wordpress.* TO 'milia'@'localhost';
SQL

# ------------------------------------------------------------------ WordPress config
if [ ! -s "$STATE/salts.php" ]; then
  { echo '<?php'
    for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
      echo "define('$k', '$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')');"
    done; } > "$STATE/salts.php"
fi
cat > "$STATE/wp-config-site.php" <<PHP
<?php
// Site config of the milia-widgets test WordPress (written by setup.sh; loaded by Debian's
// wp-config.php through /etc/wordpress/config-$SITE_NAME.php).
define('DB_NAME', 'wordpress');
define('DB_USER', 'milia');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$SOCK');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '$BASE');
define('WP_SITEURL', '$BASE');
define('WP_CONTENT_DIR', '$STATE/wp-content');
define('WP_CONTENT_URL', '$BASE/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');   // application passwords over plain http on 127.0.0.1
define('DISABLE_WP_CRON', true);          // no loopback cron requests
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);   // no outbound HTTP from PHP (the machine has none)
define('FS_METHOD', 'direct');            // Debian's WordPress files belong to root: no FTP prompt
define('WP_DEBUG', false);                // mu-plugins/milia-test-errors.php logs every notice
require __DIR__ . '/salts.php';
\$table_prefix = 'wp_';
PHP
chown root:www-data "$STATE/wp-config-site.php" "$STATE/salts.php"; chmod 640 "$STATE/wp-config-site.php" "$STATE/salts.php"
mkdir -p /etc/wordpress
printf "<?php\n// milia-widgets test WordPress (setup.sh): the site's config lives in its state dir.\nrequire '%s/wp-config-site.php';\n" "$STATE" \
  > "/etc/wordpress/config-$SITE_NAME.php"
chmod 644 "/etc/wordpress/config-$SITE_NAME.php"

# ------------------------------------------------------------------ PHP-FPM (unix socket)
cat > "$STATE/php-fpm.conf.new" <<CONF
[global]
pid = $STATE/run/php-fpm.pid
error_log = $STATE/log/php-fpm.log
daemonize = yes
[milia]
user = www-data
group = www-data
listen = $STATE/run/php-fpm.sock
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = static
pm.max_children = 4
catch_workers_output = yes
php_admin_flag[log_errors] = on
php_admin_value[error_log] = $STATE/log/php-error.log
php_admin_value[upload_max_filesize] = 16M
php_admin_value[post_max_size] = 16M
CONF
touch "$STATE/log/php-error.log"; chown www-data:www-data "$STATE/log/php-error.log"
if ! cmp -s "$STATE/php-fpm.conf.new" "$STATE/php-fpm.conf"; then
  mv "$STATE/php-fpm.conf.new" "$STATE/php-fpm.conf"
  alive "$STATE/run/php-fpm.pid" && { say "php-fpm config changed: restarting"; stop_one php-fpm "$STATE/run/php-fpm.pid"; }
else
  rm -f "$STATE/php-fpm.conf.new"
fi
if ! alive "$STATE/run/php-fpm.pid"; then
  rm -f "$STATE/run/php-fpm.sock"
  say "starting $(basename "$PHPFPM")"
  "$PHPFPM" --fpm-config "$STATE/php-fpm.conf" 9>&- || die "php-fpm did not start (see $STATE/log/php-fpm.log)"
else
  say "php-fpm already running (pid $(cat "$STATE/run/php-fpm.pid"))"
fi

# ------------------------------------------------------------------ nginx on 127.0.0.1:PORT
cat > "$STATE/nginx.conf.new" <<CONF
user www-data;
worker_processes 1;
pid $STATE/run/nginx.pid;
error_log $STATE/log/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $STATE/log/nginx-access.log;
  client_body_temp_path $STATE/nginx/tmp/body;
  fastcgi_temp_path $STATE/nginx/tmp/fastcgi;
  proxy_temp_path $STATE/nginx/tmp/proxy;
  uwsgi_temp_path $STATE/nginx/tmp/uwsgi;
  scgi_temp_path $STATE/nginx/tmp/scgi;
  client_max_body_size 16m;
  server {
    listen $HOST:$PORT;
    server_name $HOST;
    root $WP_ROOT;
    index index.php;
    location ^~ /wp-content/ {
      alias $STATE/wp-content/;
      location ~ \.php\$ { return 403; }
    }
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ {
      try_files \$uri =404;
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_param WORDPRESS_CONFIG $SITE_NAME;
      # Debian's fastcgi_params (security update of nginx 1.22.1-9+deb12u*) sends HTTP_HOST as
      # \$host, without the port: WordPress then redirects every page to itself (301 loop).
      fastcgi_param HTTP_HOST \$host:\$server_port;
      fastcgi_pass unix:$STATE/run/php-fpm.sock;
    }
  }
}
CONF
NGINX=(nginx -p "$STATE/nginx" -c "$STATE/nginx.conf" -e "$STATE/log/nginx-error.log")
nginx_changed=0
cmp -s "$STATE/nginx.conf.new" "$STATE/nginx.conf" || nginx_changed=1
mv "$STATE/nginx.conf.new" "$STATE/nginx.conf"
"${NGINX[@]}" -t -q || die "nginx config test failed"
if alive "$STATE/run/nginx.pid"; then
  if [ "$nginx_changed" = 1 ]; then
    say "nginx config changed: reloading"; "${NGINX[@]}" -s reload 9>&-; sleep 0.5
  else
    say "nginx already running (pid $(cat "$STATE/run/nginx.pid"))"
  fi
else
  if ss -ltnH "sport = :$PORT" | grep -q .; then die "port $PORT is taken by another program (set CMS_PORT)"; fi
  say "starting nginx on $HOST:$PORT"
  "${NGINX[@]}" 9>&- || die "nginx did not start (see $STATE/log/nginx-error.log)"
fi
echo "$PORT" > "$STATE/port"

# ------------------------------------------------------------------ WordPress install + configuration
wp_php() { runuser -u www-data -- env WORDPRESS_CONFIG="$SITE_NAME" WP_ROOT="$WP_ROOT" php -- "$@" < "$HERE/wp-site.php"; }  # stdin: the web user need not read this folder
# stderr to a log: wp_install mails the admin, and there is no sendmail ("sh: sendmail: not found")
wplog="$STATE/log/wp-site.log"
out="$(wp_php install "$BASE" "$ADMIN_PASSWORD" 2>>"$wplog")" || { tail -n 20 "$wplog" >&2; die "WordPress install failed: $out"; }
say "$out"
json="$(wp_php configure "$BASE" "$ADMIN_PASSWORD" 2>>"$wplog")" || { tail -n 20 "$wplog" >&2; die "WordPress configuration failed"; }
umask 077; printf '%s\n' "$json" > "$STATE/state.json"; umask 022
chown -R www-data:www-data "$STATE/wp-content/uploads"

code="$(curl -s -o "$STATE/log/home.html" -w '%{http_code}' "$BASE/")" || true
[ "$code" = 200 ] || die "GET $BASE/ answered $code (see $STATE/log/)"
grep -q 'twentytwentythree' "$STATE/log/home.html" || die "home page does not use the Twenty Twenty-Three theme"
say "WordPress $(sed -n 's/.*"wp_version": *"\([^"]*\)".*/\1/p' "$STATE/state.json"), theme twentytwentythree, state in $STATE (credentials: state.json)"
echo "$BASE/"
