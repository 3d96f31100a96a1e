#!/usr/bin/env bash
# tools/test.sh — the README's test command, and what CI runs (.ci/run).
#
# Installs what is missing, then for each preset configures, builds and runs ctest:
#   format every tracked C++ file must be formatted with .clang-format (checked first)
#   tsa   builds sim/ only, with Clang's -Wthread-safety -Werror (the lock annotations of
#         sim/lock.h); no tests to run
#   dev   every test (label `ui` included: ctest runs inside one Xvfb)
#   asan  every test, under ASan + UBSan (see tests/ui/CMakeLists.txt for Mesa and LSan)
#   tsan  the tests labelled `runtime`
# Tests labelled `slow` are left out. Every test that anybody adds to ctest is picked up.
# Prints a summary and exits non-zero when any step failed.
#   Usage: tools/test.sh [preset...]      (default: tsa dev asan tsan)
set -uo pipefail
cd "$(dirname "$0")/.."

presets=("$@")
((${#presets[@]})) || presets=(tsa dev asan tsan)
jobs=$(nproc)
summary=()
failed=0

# step NAME COMMAND...: runs a step, records its verdict and time; returns its status.
step() {
  local name=$1 start=$SECONDS
  shift
  echo "==> $name"
  if "$@"; then
    summary+=("ok    $(printf '%5ss' $((SECONDS - start)))  $name")
    return 0
  fi
  summary+=("FAIL  $(printf '%5ss' $((SECONDS - start)))  $name")
  failed=1
  return 1
}

# One virtual screen for every UI test of a ctest run (they also start their own when needed).
in_xvfb() { xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$@"; }

# run_tests PRESET FILTER...: ctest over the preset's tree. The tests that fail run once more,
# alone. CI shows only the end of what this prints, so `details` names each for the summary:
# "failed" (it failed again: the step fails) or "flaky" (it passed alone: the step passes, and
# the name is there to be looked into).
run_tests() {
  local preset=$1 line
  shift
  local log="build/$preset/Testing/Temporary/LastTestsFailed.log" first=() again=()
  in_xvfb ctest --test-dir "build/$preset" --output-on-failure --no-tests=error -j "$jobs" "$@" &&
    return 0
  [[ -f $log ]] || return 1  # it failed before running any test
  mapfile -t first <"$log"
  echo "==> $preset: the ${#first[@]} failed test(s) once more, alone"
  # ctest rewrites the log when some fail again, and leaves it as it was when none does.
  in_xvfb ctest --test-dir "build/$preset" --output-on-failure --rerun-failed -j 1 ||
    mapfile -t again <"$log"
  for line in "${first[@]}"; do
    if printf '%s\n' "${again[@]}" | grep -qxF -- "$line"; then
      details+=("        failed: ${line#*:}")
    else
      details+=("        flaky:  ${line#*:} (failed, then passed alone)")
    fi
  done
  ((${#again[@]} == 0))
}

total=$SECONDS
step "install dependencies (tools/setup-deps.sh)" tools/setup-deps.sh || {
  printf '%s\n' "${summary[@]}"
  exit 1
}

# The whole tree in the project's .clang-format (tools/format.sh --fix rewrites it).
step "format (tools/format.sh)" tools/format.sh

# Compiler cache keyed on paths relative to the checkout, so a fresh clone in another folder
# (as CI makes) reuses what an earlier build of the same sources compiled.
export CCACHE_BASEDIR="$PWD"
export CCACHE_NOHASHDIR=1

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"

for preset in "${presets[@]}"; do
  case $preset in
    dev | asan) filter=(-LE slow) ;;
    tsan) filter=(-L runtime -LE slow) ;;
    *) filter=(-LE slow) ;;
  esac
  step "$preset: configure" cmake --preset "$preset" || continue
  step "$preset: build" cmake --build --preset "$preset" -j "$jobs" || continue
  [[ $preset == tsa ]] && continue  # a compile-time check: the build is the test
  details=()
  step "$preset: test ${filter[*]}" run_tests "$preset" "${filter[@]}"
  ok=$?
  summary+=("${details[@]}")
  ((ok == 0)) || continue
  # CI's clone is thrown away: a passed preset's tree (1.5-4 GB) goes now, so that the disk holds
  # one build at a time. A failed one stays, to be looked at.
  if [[ ${CI:-} == true ]]; then rm -rf "build/$preset"; fi
done

echo
echo "Summary (tools/test.sh ${presets[*]}, $((SECONDS - total))s in all)"
printf '  %s\n' "${summary[@]}"
if ((failed)); then
  echo "RESULT: FAILED"
  exit 1
fi
echo "RESULT: all passed"
