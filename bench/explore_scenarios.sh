#!/bin/sh
# bench/explore_scenarios.sh — schedules/s of `rendezvous explore` for every shipped scenario,
# as the Markdown table of docs/explorer.md ("Measured"), with the machine's load and a
# baseline measured in the same run.
#
#   bench/explore_scenarios.sh [BUILD_DIR] [SCHEDULES] [JOBS]
#     BUILD_DIR  a Release build with rendezvous-cli (default: build/release)
#     SCHEDULES  random schedules per scenario (default 2000)
#     JOBS       --jobs (default 2)
#
# Baseline: an empty scenario (main returns at once) explored the same way: the fixed cost of a
# run (a fresh Lua universe with the scenario API, a runtime, the controlled scheduler). It is
# measured before and after the table; each scenario's rate is also given as a ratio to the
# baseline, which is less sensitive to the machine's load than the rate itself.
# The load average (uptime) is printed before and after: other processes slow every figure.
set -eu
BUILD=${1:-build/release}
N=${2:-2000}
JOBS=${3:-2}
. "$(dirname "$0")/explore_lib.sh"

# rate FILE [POLICY_ARGS...] -> "<schedules/s> <expected_steps> <outcomes>"
rate() {
  f=$1; shift
  explore_json "$f" --jobs "$JOBS" "$@" |
    python3 -c '
import json, sys
j = json.loads(sys.stdin.read())
o = ", ".join("%s %d" % (k, v) for k, v in j["outcomes"].items() if v)
print("%.0f\t%s\t%s" % (j["schedules_per_second"], j.get("expected_steps", "-"), o))'
}
steps() {  # the most scheduling decisions of three random runs, as pct learns it
  N=1 explore_json "$1" --policy pct --jobs 1 |
    python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["expected_steps"])'
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $N random schedules, --jobs $JOBS"
echo "# load before: $(load_average)"
B1=$(rate "$EMPTY" | cut -f1)
echo "# baseline (empty scenario) before: $B1 schedules/s"
echo
echo "| scenario | steps | schedules/s | × baseline | outcomes ($N random schedules) |"
echo "|---|---:|---:|---:|---|"
for f in "$ROOT"/scenarios/*.lua; do
  r=$(rate "$f")
  s=$(steps "$f")
  ps=$(echo "$r" | cut -f1)
  printf '| %s | %s | %s | %s | %s |\n' "$(basename "$f")" "$s" "$ps" \
    "$(python3 -c "print('%.2f' % ($ps / $B1))")" "$(echo "$r" | cut -f3)"
done
B2=$(rate "$EMPTY" | cut -f1)
echo
echo "# baseline (empty scenario) after: $B2 schedules/s"
echo "# load after: $(load_average)"
