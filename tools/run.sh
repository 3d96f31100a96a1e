#!/usr/bin/env bash
# tools/run.sh — the README's first command: installs what is missing, builds the app (preset
# `dev`, into build/dev) and opens it. Arguments go to the app, e.g.
#   tools/run.sh scenarios/2.1-unbuffered-rendezvous.lua
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$(nproc)" --target rendezvous
exec build/dev/rendezvous "$@"
