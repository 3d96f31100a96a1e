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
# A cancel cascade halfway: loadUser failed, request and both children are cancelled.
shoot scenarios/2.5-error-cancel-cascade.lua --size 1600x900 --at 60 --screenshot docs/img/cascade.png
# Seed 1 of the lock-order inversion deadlocks: the report, the banner, the stuck tasks.
shoot scenarios/4.2c-deadlock-lock-order.lua --size 1600x900 --seed 1 --at end --screenshot docs/img/deadlock.png
# The fan-in with a timeout on an unbuffered channel: the late worker leaks.
shoot scenarios/2.3-fanin-timeout-leak.lua --size 1600x900 --at end --screenshot docs/img/fanin-leak.png
echo "wrote docs/img/{browser,cascade,deadlock,fanin-leak}.png"
