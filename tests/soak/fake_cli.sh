#!/usr/bin/env bash
# A stand-in for rendezvous-cli that misbehaves on purpose (FAKE_CLI_MODE), so that
# self_test.sh can check tools/soak.sh counts each kind of failure: it must be able to fail.
#   ok | crash (SIGSEGV) | hang (sleeps) | diverge (each run writes a different trace)
#   | replay (replay reports a divergence) | sanitizer (prints a TSan report, exits 66)
cmd=$1
shift
trace=""
while (($#)); do
  [[ $1 == --trace ]] && trace=$2
  shift
done
mode=${FAKE_CLI_MODE:-ok}
if [[ $cmd == run ]]; then
  case $mode in
    crash) kill -SEGV $$ ;;
    hang) exec sleep 30 ;;
    sanitizer) echo "WARNING: ThreadSanitizer: data race (pid=$$)" >&2; exit 66 ;;
    diverge) [[ -n $trace ]] && echo "$RANDOM$RANDOM$$" >"$trace"; exit 0 ;;
  esac
  [[ -n $trace ]] && echo '{"rdv":1}' >"$trace"
  exit 0
fi
if [[ $cmd == replay ]]; then
  if [[ $mode == replay ]]; then
    echo "replay diverged at event 3" >&2
    exit 2
  fi
  echo "replay: reproduced exactly (1 events, outcome ok)" >&2
  exit 0
fi
exit 1
