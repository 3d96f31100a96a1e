#!/usr/bin/env bash
# tools/format.sh — the project's C++ format (.clang-format), checked or applied.
#
#   tools/format.sh          check: exits non-zero and names every file clang-format would change
#   tools/format.sh --fix    rewrite the files in place
# Covers every tracked *.cpp and *.h; the test command (tools/test.sh) runs the check.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [[ ${1:-} == --fix ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
  printf 'format: not formatted with .clang-format (run tools/format.sh --fix):\n' >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "format: ${#files[@]} files formatted"
