// ui/app.h — the desktop app: a GLFW window with an OpenGL 3.3 context, ImGui, and the shell
// with its panels. app/main.cpp parses the command line and calls run_app().
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rdv::ui {

struct AppOptions {
  std::filesystem::path scenarios_dir;  // folder to list; empty: find_scenarios_dir()
  std::filesystem::path file;           // scenario to open; empty: the last one, or the first
  std::filesystem::path screenshot;     // when set: render a few frames, write this PNG, return
  int width = 0;                        // window (or screenshot) size in pixels; 0: default
  int height = 0;
  // Screenshot: show the state after the first `at` events of the controlled run (clamped);
  // nullopt: the end of the run.
  std::optional<std::size_t> at;
  std::uint64_t seed = 0;        // seed of the first run; 0: the default (1)
  std::uint64_t max_events = 0;  // the runs' event limit (Run > Event limit); 0: the default
  bool preempt_line = false;     // the first run preempts at every line (per line), not per sync
  bool preempt_given = false;    // --preempt was given: it wins over the scenario header's field
  std::string test;              // --run TestX: the test a Go _test.go file runs first
  bool frame_stats = false;      // screenshot: print the frames' draw times to stdout
  // Panels (by title) to bring to the front of their panes, e.g. {"Timeline", "Channels"}; an
  // unknown title makes run_app() print the titles and return 1.
  std::vector<std::string> tabs;
  // Screenshot: explore the scenario with this many random schedules (Explorer tab), open the
  // first failure's trace and print the explorer's one-line result to stdout; 0: no.
  int explore = 0;
  // When > 0 (and no screenshot): open the real window, draw this many frames of the normal
  // loop as fast as they go (no vsync, no waiting for input) plus as many of two baselines
  // (clear+swap, an empty ImGui window), print their times to stdout and return.
  int benchmark_frames = 0;
  // The UI's zoom (View ▸ Zoom) for this start; 0: the saved one (1 for a screenshot).
  float zoom = 0;
  // Screenshot or GIF: only the pane that holds this tab (and the tab brought to its front);
  // empty: the whole window. An unknown title makes run_app() print the titles and return 1.
  std::string pane;
  // When set (instead of `screenshot`): render the run from event `from` to `to` (nullopt: its
  // end) off screen, one frame per step, into this animated GIF and return (File ▸ Export
  // animation, ui/export_actions.h).
  std::filesystem::path export_gif;
  std::size_t from = 0;
  std::optional<std::size_t> to;
  int delay_ms = 500;  // GIF: how long each frame shows
  double scale = 1.0;  // GIF: the frames' size against the window's (0.1..1)
  // "lecture" or "default": start in that View ▸ Layout (before --zoom); "": the saved one.
  std::string layout;
  // Not empty: File ▸ Open's browser is shown at this folder (a screenshot of the dialog).
  std::string browse;
  // With a screenshot: print what ui/layout_check.h finds in the picture's frame (text cut off
  // or drawn over other text) to stdout, one "layout: …" line each, and return 2 if anything.
  bool check_layout = false;
  // With check_layout: also check the frame at each of these events (before the picture's).
  std::vector<std::size_t> check_at;
};

// Default screenshot size when none is given.
inline constexpr int kScreenshotWidth = 1600;
inline constexpr int kScreenshotHeight = 900;

// Runs the app until its window is closed (or the screenshot or GIF is written).
// - Returns the process exit code: 0, or 1 after printing one line to stderr ("rendezvous: ...")
//   when no window can be opened (no display) or the PNG or GIF cannot be written.
// - A GIF is made like a screenshot (off screen, width x height, the finished run), one frame
//   per step from `from` to `to`, by the same code as File ▸ Export animation.
// - With a scenario open, a screenshot first runs it (controlled, random policy, `seed`) to its
//   end, then shows the state after event `at`.
// - A screenshot is rendered off screen at exactly width x height, at content scale 1, without
//   reading or writing the user's imgui.ini, so it is the same on every machine.
// - A benchmark shows the run like a screenshot does (its end, or event `at`) in the real window,
//   also without the user's imgui.ini, and prints lines starting "baseline clear+swap:",
//   "baseline empty window:", "frame:" and "ratio:" (see docs/performance.md).
int run_app(const AppOptions& options);

}  // namespace rdv::ui
