#!/usr/bin/env bash
# Checks that tools/soak.sh notices each kind of failure and counts it where it belongs, by
# running it against tests/soak/fake_cli.sh in each of its modes (2 scenarios, 2 seeds, 1 live).
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
soak=$here/tools/soak.sh
fake=$here/tests/soak/fake_cli.sh
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rdv-soak-self.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/scen"
printf 'scenario { title = "a" }\n' >"$tmp/scen/a.lua"
printf 'scenario { title = "b" }\n' >"$tmp/scen/b.lua"
failed=0

# expect MODE FIELD VALUE STATUS: runs the soak with the fake in MODE; checks JSON FIELD == VALUE
expect() {
  local mode=$1 field=$2 want=$3 want_rc=$4
  FAKE_CLI_MODE=$mode "$soak" --cli "$fake" --tsan-cli "$fake" --scenarios "$tmp/scen" --seeds 2 \
    --live 1 --timeout 2 --live-timeout 2 --out "$tmp/out-$mode" --json "$tmp/$mode.json" \
    >"$tmp/$mode.log" 2>&1
  local rc=$?
  local got
  got=$(grep -o "\"$field\":[0-9]*" "$tmp/$mode.json" | cut -d: -f2)
  if [[ $got != "$want" || $rc != "$want_rc" ]]; then
    echo "FAIL mode=$mode: $field=$got (want $want), exit $rc (want $want_rc)"
    cat "$tmp/$mode.log"
    failed=1
  else
    echo "ok   mode=$mode: $field=$got, exit $rc"
  fi
}
expect ok processes 14 0          # 2 scenarios × 2 seeds × 3 processes + 2 live runs
expect crash crashes 6 1          # 4 seeds (first run) + 2 live runs
expect hang hangs 6 1
expect sanitizer sanitizer 6 1
expect diverge divergences 4 1    # the live runs write no trace: they pass
expect replay divergences 4 1
exit $failed
