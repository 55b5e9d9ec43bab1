#!/usr/bin/env bash
# Builds the site in release mode and serves it at http://127.0.0.1:8080/
# (Trunk.toml [serve]); Ctrl-C stops it.
#
# `trunk serve --release` rather than `trunk build --release` plus a static
# server: one tool, and it rebuilds and reloads the page when the app or the
# core changes (Trunk.toml [watch]), so the served page is never stale. The
# end-to-end tests serve dist/ with their own small server instead, so they
# test exactly the files a static host would get, without trunk's reload
# script; serving from target/serve keeps that script out of dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
exec trunk serve --release --dist target/serve "$@"
