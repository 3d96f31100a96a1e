#!/usr/bin/env bash
# tools/screenshots.sh — regenerates the README's pictures with the app itself (docs/img/).
# Needs no display: each picture is rendered off screen inside a virtual X server.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$(nproc)" --target rendezvous
mkdir -p docs/img
shoot() { xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" build/dev/rendezvous "$@"; }
# Event 9 of the controlled run (seed 1): main waits at recv while asyncTask sleeps — the moment
# the scenario's header tells the reader to watch.
shoot scenarios/2.1-unbuffered-rendezvous.lua --size 1600x900 --at 9 --screenshot docs/img/browser.png
echo "wrote docs/img/browser.png"
