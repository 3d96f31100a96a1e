#!/usr/bin/env bash
# Builds the .deb with CPack from a build tree and checks it:
#  - its contents: both programs, the scenarios, the .desktop entry, the icons, under /usr;
#  - its Depends: every shared library the programs load (ldd) belongs to a package named in
#    Depends (so dpkg-shlibdeps did its job), and the fonts loaded by name are declared;
#  - apt can resolve those dependencies from the Debian archive (apt-get install --simulate).
#   tests/install/deb_test.sh BUILD_DIR [OUT_DIR]   (OUT_DIR: keep the .deb there)
set -uo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d /tmp/rdv-deb.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
ok() { echo "ok:   $*"; }
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v $tool >/dev/null || { echo "skipped: $tool not found (install dpkg-dev)"; exit 77; }
done

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out") >"$tmp/cpack.log" 2>&1 || {
  cat "$tmp/cpack.log"
  echo "FAIL: cpack -G DEB"
  exit 1
}
deb=$(ls "$tmp"/out/*.deb 2>/dev/null | head -1)
[[ -f $deb ]] || { cat "$tmp/cpack.log"; echo "FAIL: cpack made no .deb"; exit 1; }
ok "cpack: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
[[ -n ${2:-} ]] && mkdir -p "$2" && cp "$deb" "$2/"

dpkg-deb -I "$deb" >"$tmp/info" || fail "dpkg-deb -I"
depends=$(sed -n 's/^ Depends: //p' "$tmp/info")
echo "      Depends: $depends"
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/contents"
for f in ./usr/bin/rendezvous ./usr/bin/rendezvous-cli ./usr/share/applications/rendezvous.desktop \
  ./usr/share/icons/hicolor/48x48/apps/rendezvous.png ./usr/share/icons/hicolor/256x256/apps/rendezvous.png \
  ./usr/share/icons/hicolor/scalable/apps/rendezvous.svg ./usr/share/rendezvous/scenarios/2.1-unbuffered-rendezvous.lua \
  ./usr/share/rendezvous/scenarios/2.1-unbuffered-rendezvous.go \
  ./usr/share/rendezvous/scenarios/seed/2.1-seed-channel-sync.go; do
  grep -qx -- "$f" "$tmp/contents" || fail "the .deb has no $f"
done
n=$(grep -c '^./usr/share/rendezvous/scenarios/.*\.\(lua\|go\)$' "$tmp/contents")
((failed)) || ok "contents: programs, $n scenarios, .desktop, icons (under /usr)"

# Every library the programs link directly (ELF NEEDED; what they pull in in turn is their
# packages' business) must come from a package named in Depends.
needed_paths() {
  local names
  names=$(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  ldd "$1" | awk -v names="$names" 'BEGIN {split(names, a, "\n"); for (i in a) want[a[i]] = 1}
    $2 == "=>" && ($1 in want) && $3 ~ /^\// {print $3}'
}
has_dep() { [[ ", $depends," == *", $1 "* || ", $depends," == *", $1,"* || ", $depends," == *", $1:"* ]]; }
has_dep fonts-dejavu-core || fail "Depends does not name fonts-dejavu-core (ui/theme.cpp loads DejaVu)"
mkdir -p "$tmp/x"
dpkg-deb -x "$deb" "$tmp/x"
checked=0
for bin in "$tmp/x/usr/bin/rendezvous" "$tmp/x/usr/bin/rendezvous-cli"; do
  while read -r lib; do
    real=$(readlink -f "$lib")
    pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null)
    pkg=${pkg%%:*}
    pkg=${pkg%%,*}
    if [[ -z $pkg ]]; then fail "$(basename "$bin") loads $lib, which no package owns"; continue; fi
    checked=$((checked + 1))
    has_dep "$pkg" || fail "$(basename "$bin") loads $lib from $pkg, which Depends does not name"
  done < <(needed_paths "$bin")
done
((checked > 0)) || fail "ldd found no libraries"
((failed)) || ok "Depends covers all $checked shared libraries the programs link (NEEDED)"

if command -v apt-get >/dev/null && [[ -n $(ls /var/lib/apt/lists/ 2>/dev/null | grep -v lock) ]]; then
  if apt-get install --simulate -q "$deb" >"$tmp/apt.log" 2>&1; then
    ok "apt-get install --simulate resolves the Depends"
  else
    tail -20 "$tmp/apt.log"
    fail "apt-get install --simulate"
  fi
else
  echo "note: no apt package lists here: the apt resolution check was not done"
fi
((failed)) && exit 1
echo "deb test: all passed"
