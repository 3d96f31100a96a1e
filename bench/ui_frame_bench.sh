#!/bin/sh
# Frame times of the real window under Xvfb (this machine's software renderer, Mesa llvmpipe),
# each against two baselines drawn in the same process, in interleaved blocks of frames, at the
# same size: a bare clear+swap (the floor of any frame) and an empty ImGui window.
#
# Usage: bench/ui_frame_bench.sh [build-dir]   (default: build/bench-ui, a Release build)
#   RDV_EXE=path/to/rendezvous   use that executable instead of building one
#   FRAMES=N                     frames per measurement (default 120)
#   SIZES="1280x800 1600x900"    window sizes
#   LP_NUM_THREADS, GALLIUM_*    passed to Mesa as usual
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/bench-ui}
exe=${RDV_EXE:-}
if [ -z "$exe" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRDV_WERROR=ON >/dev/null
  cmake --build "$build" --target rendezvous -j2 >/dev/null
  exe=$build/rendezvous
fi
frames=${FRAMES:-120}
sizes=${SIZES:-1280x800 1600x900}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

load_before=$(cut -d' ' -f1 /proc/loadavg)
for scenario in tests/ui/data/thousand-tasks.lua scenarios/2.1-unbuffered-rendezvous.lua; do
  for size in $sizes; do
    printf '== %s %s\n' "$scenario" "$size" >>"$out"
    # The screen is larger than every window, so a window is never clipped by it.
    xvfb-run -a -s "-screen 0 2048x1536x24" \
      "$exe" "$root/$scenario" --size "$size" --benchmark-frames "$frames" >>"$out" 2>&1 ||
      { cat "$out"; exit 1; }
  done
done
load_after=$(cut -d' ' -f1 /proc/loadavg)

python3 - "$out" "$load_before" "$load_after" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
num = r"([0-9.]+)"
rows = []
for block in text.split("== ")[1:]:
    head, body = block.split("\n", 1)
    scenario, size = head.split()
    def stats(label):
        m = re.search(re.escape(label) + r": mean " + num + r" ms, p95 " + num + r" ms, max " + num, body)
        if not m:
            sys.exit(f"no '{label}' line for {scenario} {size}:\n{body}")
        return [float(x) for x in m.groups()]
    swap = stats("baseline clear+swap")
    empty = stats("baseline empty window")
    frame = stats("frame")
    ui = float(re.search(r"UI \(model, panels, ImGui\) mean " + num, body).group(1))
    tasks = re.search(r"(\d+) tasks", body).group(1)
    cpu = re.search(r"cpu per frame \(all threads\): clear\+swap " + num + r" ms, empty window " +
                    num + r" ms, frame " + num, body)
    cpu = [float(x) for x in cpu.groups()]
    rows.append((scenario.split("/")[-1].replace(".lua", ""), tasks, size,
                 f"{frame[0]:.2f}", f"{frame[1]:.2f}", f"{frame[2]:.2f}", f"{ui:.2f}",
                 f"{swap[0]:.2f}", f"{empty[0]:.2f}",
                 f"{frame[0] / swap[0]:.2f}x", f"{frame[0] / empty[0]:.2f}x",
                 f"{cpu[2]:.2f}", f"{cpu[0]:.2f}", f"{cpu[1]:.2f}",
                 f"{cpu[2] / cpu[0]:.2f}x", f"{cpu[2] / cpu[1]:.2f}x"))
head = ("scenario", "tasks", "size", "frame ms", "p95", "max", "UI ms", "clear+swap ms",
        "empty window ms", "frame/clear+swap", "frame/empty", "CPU frame ms",
        "CPU clear+swap ms", "CPU empty ms", "CPU frame/clear+swap", "CPU frame/empty")
w = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
fmt = "| " + " | ".join("{:<%d}" % x for x in w) + " |"
print(fmt.format(*head))
print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in rows:
    print(fmt.format(*r))
renderer = re.search(r"renderer: (.*?), framebuffer", text)
print("\nms: wall time per frame; CPU: CPU time per frame of the whole process (the app's thread"
      "\nand llvmpipe's rasterizer threads), which moves far less with the machine's load.")
print(f"\nrenderer: {renderer.group(1) if renderer else '?'}; "
      f"load average before/after: {sys.argv[2]}/{sys.argv[3]} (2 CPUs shared)")
PY
