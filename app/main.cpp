// app/main.cpp — the `rendezvous` executable: the command line of design.md §5.
//
//   rendezvous [FILE] [--screenshot OUT.png] [--size WxH] [--at N|end] [--seed N]
//              [--preempt sync|line]
//              [--tab TITLE]... [--pane TITLE] [--zoom Z] [--layout default|lecture]
//              [--browse DIR] [--check-layout] [--check-at N]...
//   rendezvous [FILE] --export-gif OUT.gif [--from N] [--to N|end] [--delay MS] [--scale F]
//              [--size WxH] [--pane TITLE] ...
//   rendezvous run|explore|replay|export ...   (headless: handed to cli/ untouched)
//
// Usage errors are one line on stderr and exit code 1; --help and --version exit 0.
#include "sim/runtime.h"
#include "ui/app.h"

#if RDV_HAVE_CLI
#include "cli/cli.h"
#endif

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

int usage_error(std::string message) {
  std::replace(message.begin(), message.end(), '\n', ' ');
  std::fprintf(stderr, "rendezvous: %s (see rendezvous --help)\n", message.c_str());
  return 1;
}

// "1600x900" -> {1600, 900}; nullopt unless both are in [200, 8192].
std::optional<std::pair<int, int>> parse_size(const std::string& s) {
  int w = 0, h = 0;
  char x = 0, extra = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || x != 'x') return std::nullopt;
  if (w < 200 || h < 200 || w > 8192 || h > 8192) return std::nullopt;
  return std::pair{w, h};
}

// The subcommands of design.md §5, recognised even when this build has no runner for them, so
// that `rendezvous run x.lua` never means "open a file called run".
bool is_headless_word(std::string_view arg) {
  constexpr std::array<std::string_view, 4> kWords = {"run", "explore", "replay", "export"};
  return std::find(kWords.begin(), kWords.end(), arg) != kWords.end();
}

}  // namespace

int main(int argc, char** argv) {
#if RDV_HAVE_CLI
  if (argc > 1 && rdv::cli::is_headless_command(argv[1])) return rdv::cli::run_headless(argc, argv);
#endif
  if (argc > 1 && is_headless_word(argv[1])) {
    std::fprintf(stderr, "rendezvous: '%s' is not available in this build (no headless runner)\n",
                 argv[1]);
    return 1;
  }

  CLI::App app{"Rendezvous: concurrency you can watch. Opens the app on a scenario.", "rendezvous"};
  app.footer(
      "Headless commands (no window):\n"
      "  rendezvous run FILE.go|FILE.lua [--mode controlled|live] [--seed N] [--trace "
      "OUT.rdv.jsonl] ...\n"
      "  rendezvous explore FILE.go|FILE.lua [--schedules N] [--json] ...\n"
      "  rendezvous replay TRACE.rdv.jsonl\n"
      "  rendezvous export TRACE.rdv.jsonl --perfetto OUT.json\n"
      "Each prints its own options with --help.");
  app.set_version_flag("--version", "rendezvous " RDV_VERSION);

  std::string file, screenshot, size, at, scenarios;
  std::uint64_t seed = 0;
  bool frame_stats = false;
  std::vector<std::string> tabs;
  int options_explore = 0;
  int benchmark_frames = 0;
  app.add_option("FILE", file,
                 "A scenario (a Go program .go, or .lua) or a recorded trace (.rdv.jsonl) to open; "
                 "default: the last "
                 "scenario, or the first");
  app.add_option("--screenshot", screenshot, "Render the window into a PNG and exit")
      ->type_name("OUT.png");
  app.add_option("--size", size, "Window (or screenshot) size in pixels, e.g. 1600x900")
      ->type_name("WxH");
  app.add_option("--at", at, "With --screenshot: show the run after its first N events, or its end")
      ->type_name("N|end")
      ->check([](const std::string& v) -> std::string {
        if (v == "end" || (!v.empty() && std::all_of(v.begin(), v.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; })))
          return "";
        return "expected an event number or 'end', got '" + v + "'";
      });
  app.add_option("--seed", seed, "Seed of the controlled run (when a run is open)")->type_name("N");
  std::uint64_t max_events = 0;
  app.add_option("--max-events", max_events,
                 "Event limit of the runs (Run > Event limit; default 1000000): each event takes "
                 "~" +
                     std::to_string(rdv::sim::RunConfig::kEventBytes + 170) +
                     " bytes (the run's log and the views)")
      ->type_name("N")
      ->check(CLI::Range(std::uint64_t{1}, rdv::sim::RunConfig::kMaxMaxEvents));
  std::string preempt = "sync";
  app.add_option("--preempt", preempt,
                 "sync: switch tasks at sync points; line: also at every Lua line (lost updates)")
      ->check(CLI::IsMember({"sync", "line"}));
  std::string test;
  app.add_option("--run", test, "A Go _test.go file: the test to run (default: all of them)")
      ->type_name("TestX");
  app.add_flag("--frame-stats", frame_stats,
               "With --screenshot: print how long a frame takes to draw");
  app.add_option("--benchmark-frames", benchmark_frames,
                 "Draw N frames in the window as fast as they go, print their times and exit")
      ->type_name("N")
      ->check(CLI::Range(1, 100000));
  app.add_option("--explore", options_explore,
                 "With --screenshot: explore N schedules first and open the first failure")
      ->type_name("N")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--tab", tabs,
                 "Bring this tab to the front of its pane, e.g. --tab Timeline --tab Channels "
                 "(repeatable)")
      ->type_name("TITLE")
      ->allow_extra_args(false);
  float zoom = 0;
  app.add_option("--zoom", zoom, "Draw the UI this much larger, e.g. 1.5 (View > Zoom)")
      ->type_name("Z")
      ->check(CLI::Range(0.5, 3.0));
  std::string export_gif, to, pane;
  std::size_t from = 0;
  int delay_ms = 500;
  double scale = 1.0;
  auto* gif_option =
      app.add_option("--export-gif", export_gif,
                     "Render the run from event --from to --to, one frame per step, into an "
                     "animated GIF and exit (File > Export animation)")
          ->type_name("OUT.gif")
          ->excludes("--screenshot");
  app.add_option("--from", from, "With --export-gif: the first frame shows the run after N events")
      ->type_name("N")
      ->needs(gif_option);
  app.add_option("--to", to, "With --export-gif: the last frame, after N events or at the end")
      ->type_name("N|end")
      ->needs(gif_option)
      ->check([](const std::string& v) -> std::string {
        if (v == "end" || (!v.empty() && std::all_of(v.begin(), v.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; })))
          return "";
        return "expected an event number or 'end', got '" + v + "'";
      });
  app.add_option("--delay", delay_ms, "With --export-gif: how long each frame shows (default 500)")
      ->type_name("MS")
      ->needs(gif_option)
      ->check(CLI::Range(20, 60000));
  app.add_option("--scale", scale,
                 "With --export-gif: the frames' size against the window's, e.g. 0.5")
      ->type_name("F")
      ->needs(gif_option)
      ->check(CLI::Range(0.1, 1.0));
  app.add_option("--pane", pane,
                 "With --screenshot or --export-gif: only the pane holding this tab, e.g. "
                 "--pane Channels")
      ->type_name("TITLE");
  std::string layout;
  app.add_option("--layout", layout,
                 "Start in this layout: lecture (zoomed, the panes a class follows) or default "
                 "(View > Layout, Ctrl+L)")
      ->type_name("NAME")
      ->check(CLI::IsMember({"default", "lecture"}));
  bool check_layout = false;
  app.add_flag("--check-layout", check_layout,
               "With --screenshot: print each text the picture shows cut off or drawn over other "
               "text, and exit 2 when there is one");
  std::vector<std::size_t> check_at;
  app.add_option("--check-at", check_at,
                 "With --check-layout: also check the window at event N (repeatable)")
      ->type_name("N")
      ->allow_extra_args(false);
  std::string browse;
  app.add_option("--browse", browse, "Show File > Open's browser at this folder (for a screenshot)")
      ->type_name("DIR");
  app.add_option("--scenarios", scenarios, "Folder of scenarios to list (default: scenarios/)")
      ->type_name("DIR");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what());
  }

  rdv::ui::AppOptions options;
  std::error_code ec;
  if (!file.empty()) {
    if (!std::filesystem::is_regular_file(file, ec)) return usage_error(file + ": no such file");
    options.file = file;
  }
  if (!scenarios.empty()) {
    if (!std::filesystem::is_directory(scenarios, ec))
      return usage_error("--scenarios: " + scenarios + ": no such folder");
    options.scenarios_dir = scenarios;
  }
  if (!size.empty()) {
    const auto wh = parse_size(size);
    if (!wh)
      return usage_error("--size: expected WxH between 200x200 and 8192x8192, got '" + size + "'");
    options.width = wh->first;
    options.height = wh->second;
  }
  options.screenshot = screenshot;
  options.seed = seed;
  options.max_events = max_events;
  options.preempt_line = preempt == "line";
  options.preempt_given = app.count("--preempt") > 0;
  options.test = test;
  options.frame_stats = frame_stats;
  options.zoom = zoom;
  options.tabs = tabs;
  options.layout = layout;
  options.browse = browse;
  options.check_layout = check_layout || !check_at.empty();
  options.check_at = check_at;
  options.explore = options_explore;
  options.benchmark_frames = benchmark_frames;
  if (!pane.empty() && screenshot.empty() && export_gif.empty())
    return usage_error("--pane: give --screenshot or --export-gif too");
  options.pane = pane;
  options.export_gif = export_gif;
  options.from = from;
  options.delay_ms = delay_ms;
  options.scale = scale;
  if (!to.empty() && to != "end") {
    try {
      options.to = static_cast<std::size_t>(std::stoull(to));
    } catch (const std::exception&) {
      return usage_error("--to: expected an event number or 'end', got '" + to + "'");
    }
  }
  if (!at.empty() && at != "end") {
    try {
      options.at = static_cast<std::size_t>(std::stoull(at));
    } catch (const std::exception&) {
      return usage_error("--at: expected an event number or 'end', got '" + at + "'");
    }
  }
  return rdv::ui::run_app(options);
}
