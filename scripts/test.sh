#!/usr/bin/env bash
# Runs every check Headroom has, stopping at the first failure: formatting,
# lints, native tests, the no_std core built for wasm32, the web crate's
# tests in headless Chromium, the release build, its bundle size, and the
# end-to-end tests of the built site. Prints how long each step took.
set -euo pipefail
cd "$(dirname "$0")/.."

steps=()
# Microseconds since the epoch, from bash itself (no bc or date needed).
now() { echo "${EPOCHREALTIME/./}"; }
seconds_since() {
  local d=$(($(now) - $1))
  printf '%d.%d' $((d / 1000000)) $((d / 100000 % 10))
}
summary() {
  printf '\n%-28s %8s\n' step seconds
  for s in "${steps[@]}"; do printf '%-28s %8s\n' "${s%%|*}" "${s##*|}"; done
}
step() {
  local name=$1
  shift
  printf '\n==> %s: %s\n' "$name" "$*"
  local t0
  t0=$(now)
  if ! "$@"; then
    steps+=("$name|FAILED")
    summary
    printf '\ntest: FAILED at %s\n' "$name" >&2
    exit 1
  fi
  steps+=("$name|$(seconds_since "$t0")")
}

start=$(now)
step bootstrap ./scripts/bootstrap.sh
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step fmt cargo fmt --all --check
step clippy cargo clippy --workspace --all-targets --locked -- -D warnings
# The web crate's browser-only code (tests/browser.rs) exists only on wasm32.
step clippy-wasm cargo clippy -p headroom-web --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
step native-tests cargo test --workspace --locked
step core-no-std-wasm cargo build -p headroom-core --target wasm32-unknown-unknown --locked
step browser-tests cargo test -p headroom-web --target wasm32-unknown-unknown --locked
# trunk keeps the previous dist/ when a build fails; `step` stops on the exit
# code, so a stale dist/ is never measured or tested.
step release-build trunk build --release
step bundle-size node scripts/bundle-size.mjs dist
step e2e node tests/e2e/run.mjs

steps+=("total|$(seconds_since "$start")")
summary
printf '\ntest: all passed\n'
