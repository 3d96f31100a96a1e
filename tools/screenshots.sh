#!/usr/bin/env bash
# tools/screenshots.sh — regenerates every picture of the README (docs/img/*.png) with the app's
# own --screenshot: nothing is drawn or edited by hand. Needs no display: each picture is rendered
# off screen inside a virtual X server (xvfb-run).
#
#   tools/screenshots.sh              installs what is missing, builds build/dev, makes them all
#   RDV_BUILD=build/x tools/screenshots.sh   uses (and builds) another build folder instead
#   RDV_NO_BUILD=1 ...                 takes the app as it is in that folder
#   tools/screenshots.sh NAME...      makes only these (e.g. main timeline)
#
# Each picture is one controlled run (seed 1 unless said) stopped at a chosen event, so the same
# tree gives the same pictures. The README's tour describes what each one shows: keep the two in
# step when you change a line here.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${RDV_BUILD:-build/dev}
if [[ -z ${RDV_BUILD:-} ]]; then
  tools/setup-deps.sh
  cmake --preset dev >/dev/null
fi
[[ -n ${RDV_NO_BUILD:-} ]] || cmake --build "$build" -j "$(nproc)" --target rendezvous >/dev/null
app=$build/rendezvous
mkdir -p docs/img

# Which of the app's options exist in this build (other parts may not be there yet).
help=$("$app" --help 2>&1 || true)
has() { grep -q -- "$1" <<<"$help"; }

size=1600x900
made=()
failed=()
shoot() {  # shoot NAME FILE [options...]
  local name=$1 file=$2
  shift 2
  if [[ ${#only[@]} -gt 0 && ! " ${only[*]} " =~ " $name " ]]; then return; fi
  if xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
    "$app" "$file" --size "$size" --screenshot "docs/img/$name.png.tmp" "$@" >/dev/null; then
    mv "docs/img/$name.png.tmp" "docs/img/$name.png"  # a failed run keeps the old picture
    made+=("$name")
  else
    rm -f "docs/img/$name.png.tmp"
    failed+=("$name")
  fi
}
tab() { if has --tab; then printf -- '--tab\n%s\n' "$@"; fi; }
only=("$@")

# main: the whole window on the unbuffered rendezvous (the Go program) at event 10 — main blocked
# at the receive (line 19) while the goroutine sleeps (line 16); the browser, the source with each
# goroutine's line and its Go / Lua tabs, the panels.
shoot main scenarios/2.1-unbuffered-rendezvous.go --at 10

# go: the seed text's first example, a Go program as written, at event 12 — main blocked at the
# receive (line 22) while asyncTask runs line 16; the Chinese of its title and comments.
shoot go scenarios/seed/1-seed-async-task.go --at 12

# timeline: the pipeline with acknowledgements at its end, the Timeline tab in front: a lane per
# task, send → receive arrows, blocked stretches.
mapfile -t t < <(tab Timeline)
shoot timeline scenarios/2.4-pipeline-acks.go --at end "${t[@]}"

# channels: the buffered channel while its buffer is full and the producer waits to send.
mapfile -t t < <(tab Channels)
shoot channels scenarios/2.1b-buffered-channel.go --at 24 "${t[@]}"

# plots: the queue between checkout and logistics at the end: the buffer's length over the run
# (it fills to 4, then drains), blocked/sleeping counts, time in each state per task.
mapfile -t t < <(tab Plots)
shoot plots scenarios/5.2-queue-decoupling.go --at end "${t[@]}"

# cascade: the error-propagation scenario halfway: loadUser failed, the request context and both
# children are cancelled (Sync), the cancel arrows on the timeline.
shoot cascade scenarios/2.5-error-cancel-cascade.go --at 84

# deadlock: seed 1 of the lock-order inversion deadlocks: Go's report, the stuck tasks, the locks.
shoot deadlock scenarios/4.2c-deadlock-lock-order.go --seed 1 --at end

# travel: the same deadlock taken back to event 20, a few steps before it; the slider's red mark
# is the deadlock.
shoot travel scenarios/4.2c-deadlock-lock-order.go --seed 1 --at 20

# fanin-leak: fan-in with a timeout on an unbuffered channel: the late worker leaks.
shoot fanin-leak scenarios/2.3-fanin-timeout-leak.go --at end

# explorer: 500 schedules of the lock-order scenario, the first deadlock opened.
if has --explore; then
  mapfile -t t < <(tab Explorer)
  shoot explorer scenarios/4.2c-deadlock-lock-order.go --explore 500 "${t[@]}"
fi

echo "wrote docs/img/{$(IFS=,; echo "${made[*]}")}.png"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "FAILED (the old pictures are kept): ${failed[*]}" >&2
  exit 1
fi
