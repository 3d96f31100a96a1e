#!/usr/bin/env bash
# tools/soak.sh — runs every shipped scenario many times and counts what went wrong.
#
# Controlled mode, for each scenario and each seed 1..N:
#   run --seed S --trace a   and again   run --seed S --trace b   → a and b must be byte-identical
#   replay a                                                     → must reproduce a exactly
# Live mode (meant for a ThreadSanitizer build), each scenario M times with seeds 1..M.
# A watchdog (timeout(1)) kills any process that runs longer than the limit: a hang.
#
# Counts, printed at the end (and as one JSON line with --json FILE):
#   runs         processes run (each run and each replay is one)
#   crashes      a process killed by a signal, or exit codes other than 0/2 (1 = usage/IO error)
#   hangs        processes the watchdog killed
#   sanitizer    processes whose stderr holds a sanitizer report (ASan, UBSan, LSan, TSan)
#   divergences  seeds whose two traces differ, or whose replay did not reproduce the trace
# Exit status 0 only when every count but runs is zero. Failing runs keep their traces and stderr
# in OUT/failures/ (OUT: --out, default a temporary folder, removed when all is well).
#
#   tools/soak.sh [--cli PATH] [--tsan-cli PATH] [--batch PATH] [--seeds N] [--live M] [--jobs J]
#                 [--live-jobs K] [--timeout S] [--live-timeout S] [--scenarios DIR] [--out DIR]
#                 [--json FILE]
# --batch PATH: run the controlled part with rdv_soak_batch (tests/soak/soak_batch.cpp, built
# beside rendezvous-cli in non-TSan builds): the same commands (it calls the CLI's own code), each
# in a process forked per command, without a shell and an exec per command. About 2-3× faster.
# Defaults: --cli build/release/rendezvous-cli, --tsan-cli build/tsan/rendezvous-cli, --seeds 1000,
# --live 50, --jobs $(nproc), --live-jobs 2×nproc (live runs mostly sleep in virtual-time waits),
# --timeout 30, --live-timeout 120. --seeds 0 or --live 0 skips that part.
# The long soak is the ctest label `slow` (tests/soak); a short one is in the default suite.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

# ---- worker: one seed (controlled) or one live run; prints one result line -------------------
# Result line: STATUS MODE SCENARIO SEED RUNS DETAIL   (STATUS: ok crash hang sanitizer divergence)
sanitizer_in() { grep -qE 'ERROR: (Address|Leak)Sanitizer|WARNING: ThreadSanitizer|runtime error:|ThreadSanitizer: ' "$1"; }

# classify RC ERRFILE ALLOWED...: echoes ok | hang | crash | sanitizer
classify() {
  local rc=$1 err=$2
  shift 2
  if sanitizer_in "$err"; then echo sanitizer; return; fi
  if ((rc == 124 || rc == 137)); then echo hang; return; fi
  local a
  for a in "$@"; do ((rc == a)) && { echo ok; return; }; done
  echo crash
}

worker() {
  local mode=$1 scen=$2 seed=$3
  local name
  name=$(basename "$scen" .lua)
  local dir="$SOAK_WORK/$name-$mode-$seed"
  mkdir -p "$dir"
  local status=ok detail="" runs=0 rc c
  keep() { mkdir -p "$SOAK_OUT/failures" && cp -r "$dir" "$SOAK_OUT/failures/"; }
  if [[ $mode == live ]]; then
    timeout -k 5 "$SOAK_LIVE_TIMEOUT" "$SOAK_TSAN_CLI" run "$scen" --mode live --seed "$seed" -q \
      >/dev/null 2>"$dir/live.err"
    rc=$? runs=1
    c=$(classify $rc "$dir/live.err" 0 2)
    [[ $c != ok ]] && { status=$c detail="live rc=$rc"; }
  else
    local i
    for i in a b; do
      timeout -k 5 "$SOAK_TIMEOUT" "$SOAK_CLI" run "$scen" --seed "$seed" -q --trace "$dir/$i.rdv.jsonl" \
        >/dev/null 2>"$dir/run-$i.err"
      rc=$? runs=$((runs + 1))
      c=$(classify $rc "$dir/run-$i.err" 0 2)
      if [[ $c != ok ]]; then status=$c detail="run $i rc=$rc"; break; fi
    done
    if [[ $status == ok ]] && ! cmp -s "$dir/a.rdv.jsonl" "$dir/b.rdv.jsonl"; then
      status=divergence detail="the two runs' traces differ"
    fi
    if [[ $status == ok ]]; then
      timeout -k 5 "$SOAK_TIMEOUT" "$SOAK_CLI" replay "$dir/a.rdv.jsonl" -q >/dev/null 2>"$dir/replay.err"
      rc=$? runs=$((runs + 1))
      c=$(classify $rc "$dir/replay.err" 0 2)
      if [[ $c == ok ]] && { ((rc != 0)) || ! grep -q 'reproduced exactly' "$dir/replay.err"; }; then
        c=divergence
      fi
      [[ $c != ok ]] && { status=$c detail="replay rc=$rc: $(head -c 200 "$dir/replay.err" | tr '\n' ' ')"; }
    fi
  fi
  [[ $status != ok ]] && keep
  rm -rf "$dir"
  printf '%s %s %s %s %s %s\n' "$status" "$mode" "$name" "$seed" "$runs" "$detail" >>"$SOAK_RESULTS"
}

# batch_worker SCENARIO FIRST LAST: seeds FIRST..LAST of one scenario through rdv_soak_batch.
batch_worker() {
  "$SOAK_BATCH" "$1" "$2" "$3" "$SOAK_TIMEOUT" "$SOAK_WORK/$$" "$SOAK_OUT/failures" >"$SOAK_WORK/batch-$$.txt" \
    2>"$SOAK_WORK/batch-$$.err"
  local rc=$?
  cat "$SOAK_WORK/batch-$$.txt" >>"$SOAK_RESULTS"
  ((rc == 0)) || { echo "soak: rdv_soak_batch $1 $2 $3 failed (exit $rc)" >&2; cat "$SOAK_WORK/batch-$$.err" >&2; }
  rm -rf "$SOAK_WORK/batch-$$.txt" "$SOAK_WORK/batch-$$.err" "${SOAK_WORK:?}/$$"
}

if [[ ${1:-} == --worker ]]; then
  shift
  worker "$@"
  exit 0
fi
if [[ ${1:-} == --batch-worker ]]; then
  shift
  batch_worker "$@"
  exit 0
fi

# ---- driver ---------------------------------------------------------------------------------
cli=$here/build/release/rendezvous-cli
tsan_cli=$here/build/tsan/rendezvous-cli
seeds=1000 live=50 jobs=$(nproc) live_jobs=$(($(nproc) * 2)) timeout_s=30 live_timeout=120
scen_dir=$here/scenarios out="" json="" batch=""
while (($#)); do
  case $1 in
    --cli) cli=$2; shift 2 ;;
    --tsan-cli) tsan_cli=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --live) live=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --live-jobs) live_jobs=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --live-timeout) live_timeout=$2; shift 2 ;;
    --scenarios) scen_dir=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --json) json=$2; shift 2 ;;
    -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "soak: unknown option $1 (see --help)" >&2; exit 1 ;;
  esac
done

scenarios=("$scen_dir"/*.lua)
[[ -e ${scenarios[0]} ]] || { echo "soak: no scenarios in $scen_dir" >&2; exit 1; }
if ((seeds > 0)) && [[ -z $batch && ! -x $cli ]]; then echo "soak: no CLI at $cli (--cli)" >&2; exit 1; fi
if ((live > 0)) && [[ ! -x $tsan_cli ]]; then echo "soak: no CLI for live runs at $tsan_cli (--tsan-cli)" >&2; exit 1; fi

own_out=0
if [[ -z $out ]]; then out=$(mktemp -d "${TMPDIR:-/tmp}/rdv-soak.XXXXXX"); own_out=1; fi
mkdir -p "$out"
if [[ -n $batch && ! -x $batch ]]; then echo "soak: no rdv_soak_batch at $batch (--batch)" >&2; exit 1; fi
export SOAK_BATCH=$batch SOAK_CLI=$cli SOAK_TSAN_CLI=$tsan_cli SOAK_TIMEOUT=$timeout_s SOAK_LIVE_TIMEOUT=$live_timeout
export SOAK_OUT=$out SOAK_WORK=$out/work SOAK_RESULTS=$out/results.txt
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
: >"$SOAK_RESULTS"
mkdir -p "$SOAK_WORK"

start=$SECONDS
echo "soak: ${#scenarios[@]} scenarios; controlled: $seeds seeds each (${batch:-$cli}, $jobs jobs);" \
  "live: $live runs each ($tsan_cli, $live_jobs jobs)"
if ((seeds > 0)) && [[ -n $batch ]]; then
  # Seed-major order, in chunks of 100: a soak stopped early has covered every scenario evenly.
  for ((i = 1; i <= seeds; i += 100)); do
    for s in "${scenarios[@]}"; do printf '%s\0%s\0%s\0' "$s" "$i" $((i + 99 < seeds ? i + 99 : seeds)); done
  done | xargs -0 -n 3 -P "$jobs" bash "$0" --batch-worker
elif ((seeds > 0)); then
  for ((i = 1; i <= seeds; i++)); do
    for s in "${scenarios[@]}"; do printf 'controlled\0%s\0%s\0' "$s" "$i"; done
  done | xargs -0 -n 3 -P "$jobs" bash "$0" --worker
fi
controlled_s=$((SECONDS - start))
if ((live > 0)); then
  for s in "${scenarios[@]}"; do
    for ((i = 1; i <= live; i++)); do printf 'live\0%s\0%s\0' "$s" "$i"; done
  done | xargs -0 -n 3 -P "$live_jobs" bash "$0" --worker
fi
live_s=$((SECONDS - start - controlled_s))

count() { awk -v st="$1" -v md="$2" '$1 == st && (md == "" || $2 == md) {n++} END {print n + 0}' "$SOAK_RESULTS"; }
runs_of() { awk -v md="$1" '$2 == md {n += $5} END {print n + 0}' "$SOAK_RESULTS"; }
items_of() { awk -v md="$1" '$2 == md {n++} END {print n + 0}' "$SOAK_RESULTS"; }
total_runs=$(awk '{n += $5} END {print n + 0}' "$SOAK_RESULTS")
crashes=$(count crash "") hangs=$(count hang "") sanitizer=$(count sanitizer "") divergences=$(count divergence "")
expected=$(( ${#scenarios[@]} * (seeds + live) ))
done_items=$(wc -l <"$SOAK_RESULTS")
missing=$((expected - done_items))

echo
echo "soak summary ($((SECONDS - start)) s: controlled ${controlled_s} s, live ${live_s} s; load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-11s seeds/runs %7s  processes %7s  crashes %s  hangs %s  sanitizer %s  divergences %s\n' \
  controlled "$(items_of controlled)" "$(runs_of controlled)" "$(count crash controlled)" \
  "$(count hang controlled)" "$(count sanitizer controlled)" "$(count divergence controlled)" \
  live "$(items_of live)" "$(runs_of live)" "$(count crash live)" "$(count hang live)" \
  "$(count sanitizer live)" "$(count divergence live)"
echo "  total processes $total_runs; crashes $crashes, hangs $hangs, sanitizer reports $sanitizer, divergences $divergences"
if [[ -n $json ]]; then
  printf '{"scenarios":%d,"seeds":%d,"live":%d,"processes":%d,"controlled_seconds":%d,"live_seconds":%d,"crashes":%d,"hangs":%d,"sanitizer":%d,"divergences":%d,"missing":%d}\n' \
    "${#scenarios[@]}" "$seeds" "$live" "$total_runs" "$controlled_s" "$live_s" "$crashes" "$hangs" \
    "$sanitizer" "$divergences" "$missing" >"$json"
fi
bad=$((crashes + hangs + sanitizer + divergences))
if ((bad > 0 || missing != 0)); then
  ((missing != 0)) && echo "soak: $missing of $expected runs left no result" >&2
  grep -v '^ok ' "$SOAK_RESULTS" | head -20 >&2
  echo "soak: FAILED — traces and stderr of the failures are in $out/failures" >&2
  exit 1
fi
((own_out)) && rm -rf "$out"
echo "soak: all zero"
