#!/usr/bin/env bash
# Installs what building, serving and testing Headroom needs, skipping
# whatever is already there, so it is cheap to run every time:
#   - Chromium and its matching chromedriver (Debian packages), for the
#     browser tests and the end-to-end tests;
#   - the wasm32-unknown-unknown Rust target;
#   - trunk, which builds the site;
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#     (trunk and the browser test runner need the two to match);
#   - the npm dev dependencies: wasm-opt (binaryen) and playwright-core;
#   - the crates in Cargo.lock (trunk builds offline).
# Expects a Debian machine with Rust installed by rustup and Node.js 20 or
# later; run it as root (or with sudo available) so it can use apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf 'bootstrap: %s\n' "$*"; }
die() { printf 'bootstrap: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null && command -v rustup >/dev/null || die "needs Rust from rustup (https://rustup.rs)"

# Chromium and chromedriver must be the same build: install or upgrade them
# together, in one apt command.
chromium_version=$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || true)
driver_version=$(dpkg-query -W -f='${Version}' chromium-driver 2>/dev/null || true)
if [ -z "$chromium_version" ] || [ "$chromium_version" != "$driver_version" ] ||
  ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "installing chromium needs root"
    sudo=sudo
  fi
  say "installing chromium and chromium-driver"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium chromium-driver
fi

if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  # Without LTO and with parallel codegen the install takes about 7 minutes
  # on 2 cores instead of 17; rustls avoids openssl, and leaving out the
  # default features leaves out trunk's update check.
  say "installing trunk $TRUNK_VERSION"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls
fi

wbg_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$wbg_version" ] || die "no wasm-bindgen in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg_version" ] ||
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $wbg_version" ]; then
  # No --locked: the lockfile of wasm-bindgen-cli 0.2.130 pins a
  # webpki-roots release that crates.io mirrors may not carry.
  say "installing wasm-bindgen-cli $wbg_version"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

command -v node >/dev/null && command -v npm >/dev/null ||
  die "needs Node.js 20 or later with npm (Debian bookworm's own nodejs is 18)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "needs Node.js 20 or later, found $(node --version)"

# npm ci only when package-lock.json changed since the last install.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.installed-from-lock
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_hash" ]; then
  say "installing npm dev dependencies"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_hash" >"$stamp"
fi

# trunk builds with --offline (Trunk.toml), so every crate must be here.
cargo fetch --locked --quiet
