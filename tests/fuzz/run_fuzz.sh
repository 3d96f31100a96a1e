#!/usr/bin/env bash
# Runs one libFuzzer target over its seed corpus for a bounded number of executions or seconds
# (whichever comes first) and reports how many inputs it tried. Exit 0 only when the fuzzer ran
# to its limit without a crash, a sanitizer report, a timeout or an out-of-memory.
#   tests/fuzz/run_fuzz.sh FUZZER SEED_DIR RUNS SECONDS [ARTIFACT_DIR [SEED_FILE...]]
# SEED_FILEs are more seeds kept elsewhere in the tree (the header fuzzer's are the shipped
# scenarios/*.lua, read where they are rather than copied into its corpus).
# New inputs the fuzzer finds go to a temporary folder, never into the checked-in seed corpus;
# a crashing input is kept in ARTIFACT_DIR (default: the current folder) as crash-<sha1>.
set -uo pipefail
fuzzer=$1 seeds=$2 runs=$3 seconds=$4 artifacts=${5:-.}
shift $(($# < 5 ? $# : 5))
[[ -x $fuzzer ]] || { echo "run_fuzz: no fuzzer at $fuzzer" >&2; exit 1; }
[[ -d $seeds ]] || { echo "run_fuzz: no seed corpus at $seeds" >&2; exit 1; }
mkdir -p "$artifacts"
work=$(mktemp -d "${TMPDIR:-/tmp}/rdv-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
# libFuzzer reads seeds from folders: the extra files go into the one it writes to, which it reads too.
(($# == 0)) || cp -- "$@" "$work"/ || exit 1
"$fuzzer" -runs="$runs" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$seeds" >"$work.log" 2>&1
rc=$?
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$')
secs=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$work.log" | grep -o '[0-9]*$')
if ((rc != 0)) || [[ -z $execs ]]; then
  tail -60 "$work.log"
  rm -f "$work.log"
  echo "run_fuzz: $(basename "$fuzzer") FAILED (exit $rc) — the input is in $artifacts/" >&2
  exit 1
fi
rm -f "$work.log"
echo "run_fuzz: $(basename "$fuzzer"): $execs executions ($secs/s), no crash"
