// The headless subcommands (design.md §5). Each parses its own options with CLI11, runs
// scenarios through script/run.h and reads/writes traces through trace/.
//
// Streams: the script's print output goes to stdout as it is printed; diagnostics (deadlock,
// panic, leak warning, script errors, I/O errors) go to stderr. Exit codes: 0 ran to completion
// (a leak is a warning), 2 the scenario failed, 1 usage or I/O error.
#include "cli/cli.h"

#include "cli/args.h"
#include "cli/explore_cmd.h"
#include "explore/explore.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "gofront/gofront.h"
#include "script/run.h"
#include "script/scenario_header.h"
#include "sim/policy.h"
#include "trace/compare.h"
#include "trace/perfetto.h"
#include "trace/recorder.h"
#include "trace/trace.h"

namespace rdv::cli {
namespace {

// Diagnostics carry task names and error messages the script chose: control bytes (ESC
// sequences that clear the screen or retitle the terminal, a carriage return) are shown as
// \xNN instead of reaching the terminal. Newlines and tabs are the message's own layout.
std::string terminal_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// How a run is set up, as given on the command line.
struct RunFlags {
  sim::Mode mode = sim::Mode::Controlled;
  std::uint64_t seed = 1;
  sim::PolicyKind policy = sim::PolicyKind::Random;
  int depth = 3;
  sim::Preempt preempt = sim::Preempt::Sync;
  bool vars = false;       // --vars: record variables (VarSet events)
  std::string run;         // --run TestX: the test of a _test.go file to run (default: all of them)
  std::size_t memory = 0;  // --limit-memory; 0: sim::default_memory_cap(max_events)
  std::uint64_t max_events = sim::RunConfig::kDefaultMaxEvents;  // --max-events
  sim::Nanos max_wall = sim::RunConfig::kDefaultMaxWall;         // --limit-wall
  sim::Nanos max_cpu = sim::RunConfig::kDefaultMaxCpu;           // --limit-cpu
  sim::Nanos max_task_cpu = 0;                                   // --limit-task-cpu
};

script::RunOptions make_options(const RunFlags& f) {
  script::RunOptions opt;
  opt.config.mode = f.mode;
  opt.config.seed = f.seed;
  if (f.mode == sim::Mode::Controlled)
    opt.config.policy = sim::make_policy(f.policy, f.seed, f.depth);
  opt.preempt = f.preempt;
  opt.track_vars = f.vars;
  opt.config.max_events = f.max_events;
  opt.config.max_wall = f.max_wall;
  opt.config.max_cpu = f.max_cpu;
  opt.config.max_task_cpu = f.max_task_cpu;
  opt.memory_cap = f.memory != 0 ? f.memory : sim::default_memory_cap(f.max_events);
  return opt;
}

void add_run_flags(CLI::App& app, RunFlags& f) {
  app.add_option_function<std::string>(
         "--mode", [&f](const std::string& s) { sim::parse_mode(s, &f.mode); },
         "controlled (one task at a time) or live (parallel)")
      ->check(CLI::IsMember({"controlled", "live"}));
  app.add_option("--seed", f.seed, "seed of the policy, select and rand() (default 1)");
  add_policy_option(app, &f.policy,
                    {sim::PolicyKind::Random, sim::PolicyKind::Pct, sim::PolicyKind::RoundRobin},
                    "controlled mode");
  app.add_option("--depth", f.depth, "pct: bug depth (default 3)")->check(CLI::Range(1, 100));
  add_preempt_option(app, &f.preempt);
  app.add_flag("--vars", f.vars,
               "record the values written to variables (VarSet events, for the Variables pane)");
  add_memory_option(app, &f.memory);
  add_run_option(app, &f.run);
  add_max_events_option(app, &f.max_events);
  add_wall_option(app, &f.max_wall);
  add_cpu_option(app, &f.max_cpu);
  add_task_cpu_option(app, &f.max_task_cpu);
}

// ---- run ------------------------------------------------------------------------------------

int cmd_run(int argc, char** argv) {
  CLI::App app("Run a scenario headless: its output on stdout, diagnostics on stderr.",
               "rendezvous run");
  std::string file;
  std::string trace_out;
  std::string perfetto_out;
  bool quiet = false;
  RunFlags f;
  app.add_option("FILE", file, "the Go program (.go) or Lua scenario (.lua)")->required();
  add_run_flags(app, f);
  app.add_option("--trace", trace_out, "record the run to OUT.rdv.jsonl");
  app.add_option("--perfetto", perfetto_out, "export the run as Chrome Trace Event JSON");
  app.add_flag("--quiet,-q", quiet, "do not echo the script's output");
  if (const int rc = parse_args(app, argc, argv); rc >= 0) return rc;

  const Result<std::string> text = script::read_script(file);
  if (!text) {
    std::fprintf(stderr, "rendezvous run: %s\n", text.error().c_str());
    return kExitUsage;
  }
  // Without --preempt, the scenario's header may ask for line preemption (4.2b does).
  if (app.count("--preempt") == 0) explore::read_preempt(*text, file, &f.preempt);
  script::RunOptions opt = make_options(f);
  if (!quiet) {
    opt.on_print = [](std::string_view line) {
      std::fwrite(line.data(), 1, line.size(), stdout);
      std::fputc('\n', stdout);
      std::fflush(stdout);
    };
    opt.on_eprint = [](std::string_view line) {
      std::fwrite(line.data(), 1, line.size(), stderr);
      std::fputc('\n', stderr);
    };
  }
  const gofront::Prepared prepared = gofront::prepare(file, *text, f.run);
  if (!prepared.ok) {
    std::fputs(prepared.error.c_str(), stderr);
    return kExitFailed;
  }
  sim::EventLog log;
  const script::RunReport report = script::run_source(base_name(file), prepared.chunk, opt, log);
  std::fputs(terminal_safe(report.diagnostics).c_str(), stderr);
  int rc = report.exit_code();
  if (!trace_out.empty() || !perfetto_out.empty()) {
    trace::Header h = trace::run_header(file, *text, script::scenario_title(*text, file), f.mode,
                                        f.policy, f.seed, f.preempt, f.depth, f.run);
    h.vars = f.vars;
    h.max_events = f.max_events;
    h.limit_memory = f.memory >> 20;  // 0 when not given
    const trace::Trace t = trace::record_run(std::move(h), report.result, report.output, log);
    if (!trace_out.empty()) {
      if (auto s = trace::write_trace(trace_out, t); !s) {
        std::fprintf(stderr, "rendezvous run: %s\n", s.error().c_str());
        rc = kExitUsage;
      }
    }
    if (!perfetto_out.empty()) {
      if (auto s = trace::export_perfetto(t, perfetto_out); !s) {
        std::fprintf(stderr, "rendezvous run: %s\n", s.error().c_str());
        rc = kExitUsage;
      }
    }
  }
  return rc;
}

// ---- replay ---------------------------------------------------------------------------------

int cmd_replay(int argc, char** argv) {
  CLI::App app("Re-execute a recorded run with its schedule; it must reproduce exactly.",
               "rendezvous replay");
  std::string file;
  std::string script_file;
  bool quiet = false;
  app.add_option("TRACE", file, "a trace (.rdv.jsonl)")->required();
  app.add_option("--script", script_file,
                 "run this (edited) script instead of the one recorded in the trace");
  app.add_flag("--quiet,-q", quiet, "do not echo the script's output");
  std::size_t memory = 0;  // 0: sim::default_memory_cap of the event limit
  add_memory_option(app, &memory);
  std::uint64_t max_events = 0;
  add_max_events_option(app, &max_events)
      ->description(
          "the event limit (default: the recorded run's, which a replay needs to stop where it "
          "stopped). Each event takes ~130 bytes of --limit-memory");
  sim::Nanos max_wall = sim::RunConfig::kDefaultMaxWall;
  add_wall_option(app, &max_wall);
  sim::Nanos max_cpu = sim::RunConfig::kDefaultMaxCpu;
  add_cpu_option(app, &max_cpu);
  sim::Nanos max_task_cpu = 0;
  add_task_cpu_option(app, &max_task_cpu);
  if (const int rc = parse_args(app, argc, argv); rc >= 0) return rc;

  Result<trace::Trace> recorded = trace::read_trace(file);
  if (!recorded) {
    std::fprintf(stderr, "rendezvous replay: %s\n", recorded.error().c_str());
    return kExitUsage;
  }
  const trace::Header& h = recorded->header;
  if (h.mode != "controlled") {
    std::fprintf(stderr,
                 "rendezvous replay: %s: a %s run cannot be replayed (only controlled runs have "
                 "a schedule)\n",
                 file.c_str(), h.mode.c_str());
    return kExitUsage;
  }
  script::RunOptions opt;
  opt.config.mode = sim::Mode::Controlled;
  opt.config.seed = h.seed;
  opt.config.policy = sim::make_replay(h.schedule);
  opt.config.task_lines = h.version >= 2;  // a v1 stream has no TaskAt: reproduce it as it was
  sim::parse_preempt(h.preempt, &opt.preempt);
  opt.track_vars = h.vars;
  opt.config.max_events = max_events != 0 ? max_events : h.max_events;
  opt.config.max_wall = max_wall;
  opt.config.max_cpu = max_cpu;
  opt.config.max_task_cpu = max_task_cpu;
  opt.memory_cap = memory != 0           ? memory
                   : h.limit_memory != 0 ? static_cast<std::size_t>(h.limit_memory) << 20
                                         : sim::default_memory_cap(opt.config.max_events);
  if (!quiet) {
    opt.on_print = [](std::string_view line) {
      std::fwrite(line.data(), 1, line.size(), stdout);
      std::fputc('\n', stdout);
    };
    opt.on_eprint = [](std::string_view line) {
      std::fwrite(line.data(), 1, line.size(), stderr);
      std::fputc('\n', stderr);
    };
  }
  std::string text = h.script;
  if (!script_file.empty()) {
    Result<std::string> edited = script::read_script(script_file);
    if (!edited) {
      std::fprintf(stderr, "rendezvous replay: %s\n", edited.error().c_str());
      return kExitUsage;
    }
    text = std::move(*edited);
  }
  const gofront::Prepared prepared = gofront::prepare(base_name(h.scenario), text, h.run);
  if (!prepared.ok) {
    std::fputs(prepared.error.c_str(), stderr);
    return kExitFailed;
  }
  sim::EventLog log;
  const script::RunReport report =
      script::run_source(base_name(h.scenario), prepared.chunk, opt, log);
  trace::Recorder rec;
  rec.poll(log);
  const trace::Trace replayed = std::move(rec).finish(h, {});
  if (auto d = trace::compare_streams(*recorded, replayed)) {
    std::fprintf(stderr, "replay diverged at event %llu\n  expected: %s\n  actual:   %s\n",
                 static_cast<unsigned long long>(d->seq), d->expected.c_str(), d->actual.c_str());
    return kExitFailed;
  }
  std::fprintf(stderr, "replay: reproduced exactly (%zu events, outcome %s)\n",
               replayed.events.size(), sim::to_string(report.result.outcome));
  return kExitOk;
}

// ---- export ---------------------------------------------------------------------------------

int cmd_export(int argc, char** argv) {
  CLI::App app("Convert a recorded trace for other viewers.", "rendezvous export");
  std::string file;
  std::string perfetto_out;
  app.add_option("TRACE", file, "a trace (.rdv.jsonl)")->required();
  app.add_option("--perfetto", perfetto_out, "Chrome Trace Event JSON for ui.perfetto.dev")
      ->required();
  if (const int rc = parse_args(app, argc, argv); rc >= 0) return rc;
  Result<trace::Trace> t = trace::read_trace(file);
  if (!t) {
    std::fprintf(stderr, "rendezvous export: %s\n", t.error().c_str());
    return kExitUsage;
  }
  if (auto s = trace::export_perfetto(*t, perfetto_out); !s) {
    std::fprintf(stderr, "rendezvous export: %s\n", s.error().c_str());
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

bool is_headless_command(std::string_view arg) noexcept {
  return arg == "run" || arg == "explore" || arg == "replay" || arg == "export";
}

int run_headless(int argc, char** argv) {
  if (argc < 2) return kExitUsage;
  const std::string_view cmd = argv[1];
  if (cmd == "run") return cmd_run(argc, argv);
  if (cmd == "replay") return cmd_replay(argc, argv);
  if (cmd == "explore") return run_explore(argc, argv);
  if (cmd == "export") return cmd_export(argc, argv);
  std::fprintf(stderr, "rendezvous: unknown command '%s'\n", argv[1]);
  return kExitUsage;
}

}  // namespace rdv::cli
