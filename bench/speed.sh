#!/bin/sh
# bench/speed.sh — issue 20's table (docs/performance.md "Speed where users wait"): every figure
# next to a baseline measured in the same run, with the machine's load before and after.
#
#   bench/speed.sh [BUILD_DIR] [SCHEDULES]
#     BUILD_DIR  a build to use (default build/release; configured Release and built here)
#     SCHEDULES  random schedules per explore measure (default 10000: at 20,000 schedules/s a
#                run of 2,000 lasts 0.1 s, and the process's start moved the figure by a third)
#
# Rows:
#  - explore schedules/s (random policy) of an empty scenario, 2.1, 2.5 and 4.2c at --jobs 1 and
#    2; baseline: the empty scenario at --jobs 1, and for the empty one the time of one same-CPU
#    semaphore handoff (the floor of a controlled task switch); 2.1 and 2.5 as Go programs too,
#    against their Lua versions;
#  - live Lua ping-pong (script_bench BM_LuaLivePingPong) per round trip against two C++ threads
#    passing a baton through binary semaphores, free (BM_Baton/0) and pinned to one CPU (/1);
#  - controlled Lua round trips/s (BM_LuaPingPong/1), against the pinned baton;
#  - controlled decisions/s with 2 and 8 tasks, 10,000 parked tasks start + teardown in both
#    modes (sim_core_bench).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/release}
N=${2:-10000}
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" --target rendezvous-cli script_bench sim_core_bench -j2 >/dev/null
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
printf 'scenario { title = "empty", expect = "never deadlocks" }\n' > "$TMP/empty.lua"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs"
echo "# load before: $(uptime | sed 's/.*load average: //')"
for jobs in 1 2; do
  for f in "$TMP/empty.lua" "$ROOT/scenarios/2.1-unbuffered-rendezvous.lua" \
           "$ROOT/scenarios/2.5-error-cancel-cascade.lua" \
           "$ROOT/scenarios/4.2c-deadlock-lock-order.lua" \
           "$ROOT/scenarios/2.1-unbuffered-rendezvous.go" \
           "$ROOT/scenarios/2.5-error-cancel-cascade.go"; do
    "$BUILD/rendezvous-cli" explore "$f" --schedules "$N" --jobs "$jobs" --json \
      --trace-dir "$TMP/traces" > "$TMP/explore-$jobs-$(basename "$f" .lua).json" || true
  done
done
"$BUILD/bench/script_bench" --benchmark_filter='LuaLivePingPong|Baton|LuaPingPong/1' \
  --benchmark_format=json --benchmark_out="$TMP/script.json" --benchmark_out_format=json >/dev/null
"$BUILD/bench/sim_core_bench" --benchmark_filter='ControlledDecisions|ParkedTasks' \
  --benchmark_format=json --benchmark_out="$TMP/core.json" --benchmark_out_format=json >/dev/null
echo "# load after: $(uptime | sed 's/.*load average: //')"
echo
python3 - "$TMP" <<'PY'
import json, os, sys
tmp = sys.argv[1]
def bench(f):
    d = json.load(open(os.path.join(tmp, f)))
    return {x["name"].split("/iterations")[0].replace("/manual_time", "").replace("/real_time", ""): x
            for x in d["benchmarks"]}
s, c = bench("script.json"), bench("core.json")
us = lambda x: 1e6 / x["items_per_second"]  # microseconds per round trip
free, pinned = us(s["BM_Baton/0"]), us(s["BM_Baton/1"])
handoff = pinned / 2  # one same-CPU handoff
rows = []
def ex(jobs, name):
    j = json.load(open(os.path.join(tmp, f"explore-{jobs}-{name}.json")))
    return j["schedules_per_second"]
base = ex(1, "empty")
targets = {("2.5-error-cancel-cascade", 2): ">= 8,000/s", ("empty", 2): ">= 20,000/s"}
for jobs in (1, 2):
    for name in ("empty", "2.1-unbuffered-rendezvous", "2.5-error-cancel-cascade",
                 "4.2c-deadlock-lock-order", "2.1-unbuffered-rendezvous.go",
                 "2.5-error-cancel-cascade.go"):
        r = ex(jobs, name)
        if name == "empty":
            ratio = f"{1e6 / r / handoff:.0f}x one handoff"
        elif name.endswith(".go"):  # the same program in Go, against its Lua version
            ratio = f"{r / ex(jobs, name[:-3]):.2f}x the .lua, --jobs {jobs}"
        else:
            ratio = f"{r / base:.2f}x empty --jobs 1"
        rows.append((f"explore {name}, --jobs {jobs}", f"{r:,.0f} schedules/s", ratio,
                     targets.get((name, jobs), "")))
live = us(s["BM_LuaLivePingPong"])
rows.append(("live Lua ping-pong, round trip", f"{live:.2f} us", f"{live / free:.2f}x free baton, "
             f"{live / pinned:.2f}x pinned", "<= 1.5x free baton"))
rows.append(("baton (binary semaphores), free", f"{free:.2f} us", "1.00x", ""))
rows.append(("baton (binary semaphores), pinned to one CPU", f"{pinned:.2f} us",
             f"{pinned / free:.2f}x free", ""))
rt = s["BM_LuaPingPong/1"]["round_trips/s"]
rows.append(("controlled Lua round trips/s", f"{rt / 1000:.0f} k/s",
             f"{1e6 / rt / pinned:.2f}x pinned baton", ">= 150 k/s"))
for n in (2, 8):
    d = c[f"BM_ControlledDecisions/{n}"]["decisions_per_s"]
    rows.append((f"controlled decisions/s, {n} tasks", f"{d / 1000:.0f} k/s",
                 f"{1e6 / d / handoff:.2f}x one handoff", ">= 300 k/s" if n == 8 else ""))
for mode, tag in (("controlled", 0), ("live", 1)):
    t = c[f"BM_ParkedTasks/10000/{tag}"]["real_time"]
    rows.append((f"10,000 parked tasks start + teardown, {mode}", f"{t / 1000:.2f} s", "",
                 "<= 2 s"))
head = ("measure", "value", "ratio (same run)", "target")
w = [max(len(r[i]) for r in rows + [head]) for i in range(4)]
fmt = "| " + " | ".join("{:<%d}" % x for x in w) + " |"
print(fmt.format(*head))
print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in rows:
    print(fmt.format(*r))
PY
