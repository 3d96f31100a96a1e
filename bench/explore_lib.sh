# bench/explore_lib.sh — what the explore benchmarks share; sourced by explore_scenarios.sh and
# explore_target.sh once BUILD (the build folder) and N (schedules per measurement) are set.
# Sets CLI (rendezvous-cli, checked), ROOT (the source tree), TMP (a folder removed on exit) and
# EMPTY (the baseline: a scenario whose main returns at once, the fixed cost of a run).
CLI="$BUILD/rendezvous-cli"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ -x "$CLI" ] || { echo "no $CLI: build it with cmake --build $BUILD --target rendezvous-cli" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
EMPTY="$TMP/empty.lua"
printf 'scenario { title = "empty", expect = "never deadlocks" }\n' > "$EMPTY"

# explore_json FILE [ARGS...]: `rendezvous-cli explore FILE --schedules N --json ARGS...`'s JSON.
explore_json() {
  f=$1; shift
  "$CLI" explore "$f" --schedules "$N" --json --trace-dir "$TMP/traces" "$@"
}

# The load average now, as uptime gives it.
load_average() {
  uptime | sed 's/.*load average: //'
}
