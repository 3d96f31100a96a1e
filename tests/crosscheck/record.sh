#!/bin/bash
# Records what Go does with tests/crosscheck/NAME.go: builds it and runs it RUNS times (default
# 400) at GOMAXPROCS=1 and at GOMAXPROCS=2, and prints each distinct (exit status, output) with
# how often it came, in the format of NAME.allowed (see crosscheck_test.cpp):
#   bash tests/crosscheck/record.sh tests/crosscheck/handoff.go [RUNS] > tests/crosscheck/handoff.allowed
# Review the result: add by hand an order Go allows but did not show (count 0+0, with a comment).
set -eu
src=$1
runs=${2:-400}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GO111MODULE=off GOFLAGS= GOCACHE="$work/cache" go build -o "$work/prog" "$src"
for procs in 1 2; do
  for ((i = 0; i < runs; i++)); do
    set +e
    GOMAXPROCS=$procs "$work/prog" >"$work/out" 2>"$work/err"
    rc=$?
    set -e
    { echo "exit $rc"; cat "$work/out"; } | od -An -tx1 | tr -d ' \n' >>"$work/seen.$procs"
    echo >>"$work/seen.$procs"
  done
done
echo "# Recorded by record.sh with $(go version | cut -d' ' -f3): $runs runs at GOMAXPROCS=1, $runs at GOMAXPROCS=2."
sort -u "$work/seen.1" "$work/seen.2" | while read -r hex; do
  n1=$(grep -cx "$hex" "$work/seen.1" || true)
  n2=$(grep -cx "$hex" "$work/seen.2" || true)
  text=$(echo "$hex" | sed 's/../\\x&/g')
  printf '%b' "$text" >"$work/block"
  echo "== $(head -n1 "$work/block"), go $n1+$n2"
  tail -n +2 "$work/block"
done
