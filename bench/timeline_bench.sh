#!/bin/sh
# Builds timeline_bench (Release) and runs it under Xvfb: the Timeline panel on a generated
# 1,000,000-event trace at 1280x800, fully zoomed out, zooming and panning; prints the table
# (docs/performance.md, "Timeline").
# Usage: bench/timeline_bench.sh [build-dir] [timeline_bench options...]
#        (default build dir: build/bench; e.g. --events 1000000 --workers 64 --expanded 1)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/bench}
[ $# -gt 0 ] && shift
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRDV_WERROR=ON >/dev/null
cmake --build "$build" --target timeline_bench -j2 >/dev/null
echo "load: $(uptime | sed 's/.*load average: //')"
xvfb-run -a -s "-screen 0 1920x1080x24" "$build/bench/timeline_bench" "$@"
echo "load: $(uptime | sed 's/.*load average: //')"
