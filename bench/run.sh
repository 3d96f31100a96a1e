#!/bin/sh
# Builds the core benchmarks (Release) and prints a table of ratios measured in the same run.
# Usage: bench/run.sh [build-dir]   (default: build/bench)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/bench}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRDV_WERROR=ON >/dev/null
cmake --build "$build" --target sim_core_bench -j2 >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$build/bench/sim_core_bench" --benchmark_format=json --benchmark_out="$out" \
  --benchmark_out_format=json >/dev/null
python3 - "$out" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
b = {x["name"].split("/iterations")[0].replace("/manual_time", ""): x for x in data["benchmarks"]}
def per_item_us(name):  # microseconds per round trip
    return 1e6 / b[name]["items_per_second"]
baton = per_item_us("BM_Baton")
cv = per_item_us("BM_CondvarRendezvous")
live = per_item_us("BM_LivePingPong")
rows = [
    ("live unbuffered ping-pong, round trip", f"{live:.2f} us", f"{live / baton:.2f}x baton", "<= 1.3x baton"),
    ("std::binary_semaphore baton, round trip", f"{baton:.2f} us", "1.00x", ""),
    ("mutex+condvar rendezvous, round trip", f"{cv:.2f} us", f"{cv / baton:.2f}x baton", ""),
    ("live ping-pong vs mutex+condvar", "", f"{live / cv:.2f}x", ""),
]
for n in (2, 8):
    d = b[f"BM_ControlledDecisions/{n}"]["decisions_per_s"]
    rows.append((f"controlled decisions/s, {n} tasks", f"{d / 1000:.0f} k/s", "", ">= 400 k/s"))
rows.append(("EventLog::append (CPU time)", f"{b['BM_EmitEvent']['cpu_time']:.0f} ns", "", "<= 50 ns"))
rows.append(("Runtime::emit, controlled (CPU time)", f"{b['BM_RuntimeEmit/0']['real_time']:.0f} ns", "", ""))
rows.append(("Runtime::emit, live (CPU time)", f"{b['BM_RuntimeEmit/1']['real_time']:.0f} ns", "", ""))
for mode, tag in (("controlled", 0), ("live", 1)):
    t = b[f"BM_ParkedTasks/10000/{tag}"]["real_time"]
    rows.append((f"10,000 parked tasks start + teardown, {mode}", f"{t / 1000:.2f} s", "", "<= 2 s"))
w = [max(len(r[i]) for r in rows) for i in range(4)]
head = ("measure", "value", "ratio", "target")
w = [max(w[i], len(head[i])) for i in range(4)]
fmt = "| " + " | ".join("{:<%d}" % x for x in w) + " |"
print(fmt.format(*head))
print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in rows:
    print(fmt.format(*r))
with open("/proc/loadavg") as f:
    print(f"\nload average during the run: {f.read().split()[0]} (2 CPUs shared)")
PY
