#!/bin/sh
# bench/gofront.sh — issue 17's performance targets (docs/go.md "Performance"), each next to a
# baseline measured in the same run, with the machine's load before and after.
#
#   bench/gofront.sh [BUILD_DIR]
#     BUILD_DIR  a build to use (default build/release; configured Release and built here)
#
# Rows (gofront_bench):
#  - compiling a generated 1,006-line Go program (target: at most 50 ms), against Lua's own parse
#    of the chunk it lowers to;
#  - a controlled ping-pong of 20,000 round trips written in Go, in events/s, against the same
#    program as a Lua scenario (target: at least 1/1.5 of the Lua figure).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/release}
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" --target gofront_bench -j2 >/dev/null
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs"
echo "# load before: $(uptime | sed 's/.*load average: //')"
"$BUILD/bench/gofront_bench" --benchmark_format=json --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true > "$TMP/gofront.json" 2>/dev/null
echo "# load after: $(uptime | sed 's/.*load average: //')"
python3 - "$TMP/gofront.json" <<'PY'
import json, sys
runs = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
def median(name):
    return runs[name + "_median"]
def ms(b):
    scale = {"ms": 1.0, "us": 1e-3, "ns": 1e-6, "s": 1e3}[b["time_unit"]]
    return b["real_time"] * scale
compile_ms = ms(median("BM_GoCompile"))
load_ms = ms(median("BM_LuaLoadOfChunk"))
lua = median("BM_PingPong/0/real_time")["events/s"]
go = median("BM_PingPong/1/real_time")["events/s"]
rows = [
    ("compile a %d-line Go program" % median("BM_GoCompile")["lines"], "%.1f ms" % compile_ms,
     "%.1fx Lua's parse of its chunk (%.2f ms)" % (compile_ms / load_ms, load_ms), "<= 50 ms"),
    ("Go ping-pong, controlled", "%.0f k events/s" % (go / 1e3),
     "%.2fx the Lua scenario (%.0f k events/s)" % (go / lua, lua / 1e3), ">= 0.67x (1.5x the time)"),
]
print("| measure | figure | against the same-run baseline | target |")
print("|---|---|---|---|")
for r in rows:
    print("| %s | %s | %s | %s |" % r)
PY
