#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed programs from there, with
# the source and build trees out of reach, as a user of the installed app would.
#   tests/install/install_test.sh BUILD_DIR SOURCE_DIR
# Checks: the installed layout (cmake/Install.cmake), the icons up to date with their SVG, the
# .desktop entry, `rendezvous --version`, `rendezvous run` and `rendezvous-cli run` of an
# installed scenario, and a --screenshot (Xvfb) that must open an installed scenario. For the
# screenshot the source tree is hidden in a private mount namespace (unshare), so the app cannot
# fall back to it; when namespaces are not allowed, strace checks that nothing under it was opened.
set -uo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
tmp=$(mktemp -d /tmp/rdv-install.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
failed=0
fail() { echo "FAIL: $*"; failed=1; }
ok() { echo "ok:   $*"; }

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || {
  cat "$tmp/install.log"
  echo "FAIL: cmake --install"
  exit 1
}
ok "cmake --install $build --prefix $prefix"

# ---- layout ----
share=$prefix/share
for f in bin/rendezvous bin/rendezvous-cli share/applications/rendezvous.desktop \
  share/icons/hicolor/scalable/apps/rendezvous.svg share/doc/rendezvous/README.md; do
  [[ -s $prefix/$f ]] || fail "$f is not installed"
done
[[ -x $prefix/bin/rendezvous && -x $prefix/bin/rendezvous-cli ]] || fail "the programs are not executable"
# Every scenario, in Go and in Lua, and the seed's examples (scenarios/seed/*.go).
n_src=$(ls "$src"/scenarios/*.lua "$src"/scenarios/*.go "$src"/scenarios/seed/*.go | wc -l)
n_inst=$(ls "$share"/rendezvous/scenarios/*.lua "$share"/rendezvous/scenarios/*.go \
  "$share"/rendezvous/scenarios/seed/*.go 2>/dev/null | wc -l)
((n_src > 0 && n_src == n_inst)) || fail "scenarios: $n_inst installed, $n_src in the source tree"
for px in 48 128 256; do
  png=$share/icons/hicolor/${px}x${px}/apps/rendezvous.png
  size=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png" 2>/dev/null)
  [[ $size == "${px}x${px}" ]] || fail "icon $png: '$size', want ${px}x${px}"
done
python3 "$src/tools/make_icons.py" "$tmp/icons" 48 >/dev/null &&
  cmp -s "$tmp/icons/rendezvous-48.png" "$src/assets/icons/rendezvous-48.png" ||
  fail "assets/icons/*.png are older than assets/icons/rendezvous.svg: run tools/make_icons.py"
desktop=$share/applications/rendezvous.desktop
for key in '^\[Desktop Entry\]$' '^Type=Application$' '^Name=' '^Exec=rendezvous( |$)' '^Icon=rendezvous$' '^Categories=.*;$'; do
  grep -Eq "$key" "$desktop" || fail "rendezvous.desktop: no line matching $key"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate"
fi
((failed)) || ok "layout: programs, $n_inst scenarios, .desktop, icons 48/128/256 + svg, docs"

# ---- headless runs, from a folder that is neither tree ----
mkdir -p "$tmp/elsewhere" "$tmp/config" "$tmp/empty"
cd "$tmp/elsewhere" || exit 1
export XDG_CONFIG_HOME=$tmp/config HOME=$tmp/elsewhere
version=$("$prefix/bin/rendezvous" --version 2>&1)
[[ $version =~ ^rendezvous\ [0-9]+\.[0-9]+ ]] && ok "--version: $version" || fail "--version printed '$version'"
scen=$share/rendezvous/scenarios/2.1-unbuffered-rendezvous.lua
for prog in rendezvous rendezvous-cli; do
  out=$("$prefix/bin/$prog" run "$scen" --seed 7 2>"$tmp/run.err")
  rc=$?
  if ((rc == 0)) && [[ $out == *$'result:\t42'* ]]; then
    ok "$prog run <prefix>/share/rendezvous/scenarios/2.1-unbuffered-rendezvous.lua"
  else
    fail "$prog run: exit $rc, stdout '$out', stderr '$(cat "$tmp/run.err")'"
  fi
done
out=$("$prefix/bin/rendezvous-cli" run "${scen%.lua}.go" --seed 7 2>"$tmp/run.err")
rc=$?
if ((rc == 0)) && [[ $out == *'result: 42'* ]]; then
  ok "rendezvous-cli run <prefix>/share/rendezvous/scenarios/2.1-unbuffered-rendezvous.go"
else
  fail "run of the Go version: exit $rc, stdout '$out', stderr '$(cat "$tmp/run.err")'"
fi

# ---- a screenshot from the installed tree ----
if unshare -rm true 2>/dev/null; then
  method=unshare how="with the source tree hidden (unshare)"
elif command -v strace >/dev/null; then
  method=strace how="opening nothing in the source tree (strace)"
else
  method=none how="UNCHECKED: the source tree was reachable (neither unshare nor strace works)"
fi
display=()
[[ -n ${DISPLAY:-} ]] || display=(xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp")
shot() {  # shot OUT [ARGS...]
  local outp=$1
  shift
  "${display[@]}" "$src/tests/install/hidden.sh" "$method" "$src" "$build" "$tmp/strace.log" \
    "$prefix/bin/rendezvous" --screenshot "$outp" --size 1000x700 "$@" >"$tmp/shot.log" 2>&1
}
if [[ -z ${DISPLAY:-} ]] && ! command -v xvfb-run >/dev/null; then
  fail "no DISPLAY and no xvfb-run: cannot take the screenshot"
else
  shot "$tmp/installed.png"
  rc1=$?
  [[ -s $tmp/installed.png ]] || cat "$tmp/shot.log"
  shot "$tmp/none.png" --scenarios "$tmp/empty"
  rc2=$?
  if ((rc1 != 0 || rc2 != 0)) || [[ ! -s $tmp/installed.png || ! -s $tmp/none.png ]]; then
    cat "$tmp/shot.log"
    fail "--screenshot from the installed tree (exit $rc1, $rc2)"
  elif cmp -s "$tmp/installed.png" "$tmp/none.png"; then
    fail "--screenshot: the installed app found no scenarios (same picture as an empty folder)"
  else
    ok "--screenshot from another folder opened an installed scenario, $how"
    [[ -n ${RDV_INSTALL_SHOT:-} ]] && cp "$tmp/installed.png" "$RDV_INSTALL_SHOT"
  fi
fi

((failed)) && exit 1
echo "install test: all passed"
