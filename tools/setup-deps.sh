#!/usr/bin/env bash
# tools/setup-deps.sh — installs the Debian 12 packages Rendezvous needs to build, run and test.
#
# Idempotent: asks apt only for what is missing, and runs `apt-get update` only then. Uses sudo
# when not root. Safe to run any number of times.
set -euo pipefail

packages=(
  # toolchain
  cmake g++ pkg-config git ccache clang libclang-rt-14-dev
  # packaging: the .deb test (cpack, dpkg-shlibdeps)
  dpkg-dev
  # libraries (design.md §7)
  libimgui-dev libglfw3-dev python3-glad liblua5.4-dev doctest-dev libcli11-dev
  nlohmann-json3-dev libstb-dev libbenchmark-dev
  # the Go front end's exact constants (rationals, and their correct rounding to float64)
  libgmp-dev libmpfr-dev
  # File > Export animation / --export-gif: the GIF encoder and its palettes
  libgif-dev libimagequant-dev
  # the window: a font (and one with Chinese, for the seed text's titles), and a virtual display
  # with software OpenGL for the UI tests
  fonts-dejavu-core fonts-droid-fallback xvfb xauth libgl1-mesa-dri
  # cross-checks: Go's own semantics (tests/go; x/sync for errgroup programs) and the Spin
  # model checker
  golang-go golang-golang-x-sync-dev spin
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || {
    echo "setup-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  }
  sudo=(sudo)
fi
echo "setup-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
