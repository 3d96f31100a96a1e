#!/usr/bin/env bash
# Runs a command with the source tree (and the build tree) out of its reach, so that an installed
# program cannot fall back to files it should have found in its install prefix.
#   tests/install/hidden.sh METHOD SOURCE_DIR BUILD_DIR STRACE_LOG COMMAND...
# METHOD unshare: a private mount namespace with an empty tmpfs over both trees (user namespaces
#                 or root needed); the command runs only if the trees are really gone.
# METHOD strace:  the trees stay, but the command fails (exit 99) if it opened anything under
#                 SOURCE_DIR or BUILD_DIR (missing files it merely looked for do not count).
set -uo pipefail
method=$1 src=$2 build=$3 log=$4
shift 4
case $method in
  unshare)
    hide="mount -t tmpfs rdv-hidden '$src'"
    [[ $build != "$src"/* ]] && hide="$hide && mount -t tmpfs rdv-hidden '$build'"
    exec unshare -rm sh -c "$hide && test ! -e '$src/scenarios' && exec \"\$@\"" sh "$@"
    ;;
  strace)
    strace -f -qq -e trace=%file -o "$log" "$@"
    rc=$?
    if grep -E "\"($src|$build)/" "$log" | grep -v ENOENT | grep -q .; then
      echo "hidden.sh: the command opened files in the source or build tree:" >&2
      grep -E "\"($src|$build)/" "$log" | grep -v ENOENT | head -5 >&2
      exit 99
    fi
    exit $rc
    ;;
  *) exec "$@" ;;
esac
