#!/usr/bin/env bash
# Installs the system packages the tests and the native WordPress need, on Debian/Ubuntu, without
# letting apt start any service. Used by .ci/run and by `npm test` (when it runs as root).
#   scripts/install-system-deps.sh [chromium|firefox|wordpress|all]
set -euo pipefail
what="${1:-all}"
missing=()
need() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1")
}
if [[ $what == all || $what == chromium ]]; then
  if [[ -z ${CHROME_PATH:-} ]]; then
    need chromium
    need fonts-dejavu-core
  fi
fi
if [[ $what == all || $what == firefox ]]; then
  if [[ -z ${FIREFOX_PATH:-} ]]; then
    need firefox-esr
  fi
fi
if [[ $what == all || $what == wordpress ]]; then
  # php-cgi and webfs satisfy the wordpress package's "a web server and PHP for it" dependencies
  # without Apache; none of them is started. Debian's wordpress brings WordPress 6.1 and the
  # classic Twenty Twenty-One theme; the demo serves it with `php -S`.
  need curl
  for package in php-cli php-cgi php-mysql php-mbstring php-xml php-gd mariadb-server mariadb-client webfs \
    wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentythree; do
    need "$package"
  done
fi
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "system packages for '$what': all installed"
  exit 0
fi
if [[ $(id -u) != 0 ]]; then
  echo "Missing system packages: ${missing[*]}"
  echo "Install them with:  sudo $0 $what"
  exit 1
fi
echo "Installing with apt-get (services are not started): ${missing[*]}"
policy=/usr/sbin/policy-rc.d
created=0
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created=1
fi
cleanup() { if [[ $created == 1 ]]; then rm -f "$policy"; fi; }
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/freigabe-apt.log 2>&1 || {
  tail -30 /tmp/freigabe-apt.log
  exit 1
}
echo "installed: ${missing[*]}"
