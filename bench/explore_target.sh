#!/bin/sh
# bench/explore_target.sh — issue 9's figure: >= 2,000 schedules/s on 2 cores for a 3-task,
# ~30-step Lua scenario (2.5-error-cancel-cascade.lua: main and 3 tasks, 29 scheduling
# decisions). Runs it with --jobs 2 and --jobs 1, and the baseline (an empty scenario, --jobs 2)
# in the same run, interleaved ROUNDS times; prints each and the medians, with the load.
#
#   bench/explore_target.sh [BUILD_DIR] [SCHEDULES] [ROUNDS]   (default build/release 4000 5)
set -eu
BUILD=${1:-build/release}
N=${2:-4000}
ROUNDS=${3:-5}
. "$(dirname "$0")/explore_lib.sh"
SCEN="$ROOT/scenarios/2.5-error-cancel-cascade.lua"
rate() {  # FILE JOBS
  explore_json "$1" --jobs "$2" |
    python3 -c 'import json,sys; print("%.0f" % json.loads(sys.stdin.read())["schedules_per_second"])'
}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $N schedules per measurement"
echo "# load before: $(load_average)"
: > "$TMP/j2"; : > "$TMP/j1"; : > "$TMP/b"
i=0
while [ $i -lt "$ROUNDS" ]; do
  b=$(rate "$EMPTY" 2); j2=$(rate "$SCEN" 2); j1=$(rate "$SCEN" 1)
  echo "round $i: baseline(empty, jobs 2) $b/s  2.5 jobs 2 $j2/s  2.5 jobs 1 $j1/s"
  echo "$b" >> "$TMP/b"; echo "$j2" >> "$TMP/j2"; echo "$j1" >> "$TMP/j1"
  i=$((i + 1))
done
med() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
B=$(med "$TMP/b"); J2=$(med "$TMP/j2"); J1=$(med "$TMP/j1")
echo "median: baseline $B/s, 2.5 --jobs 2 $J2/s, --jobs 1 $J1/s"
python3 -c "print('ratios: jobs 2 / baseline %.2f, jobs 2 / jobs 1 %.2f; target 2000/s %s' % ($J2/$B, $J2/$J1, 'met' if $J2 >= 2000 else 'NOT met'))"
echo "# load after: $(load_average)"
