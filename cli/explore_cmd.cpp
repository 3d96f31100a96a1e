// `rendezvous explore`: options in, one exploration, a summary or one JSON object out.
// The progress bar is drawn only on a terminal: on a pipe or a file it would be noise (and a
// script reading stderr would have to strip carriage returns).
#include "cli/explore_cmd.h"

#include "cli/args.h"
#include "gofront/gofront.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "explore/explore.h"
#include "script/run.h"

namespace rdv::cli {
namespace {

nlohmann::ordered_json failure_json(const explore::Failure& f) {
  nlohmann::ordered_json j;
  j["seed"] = f.seed;
  j["trace"] =
      f.trace_path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.trace_path);
  j["kind"] = explore::to_string(f.kind);
  j["index"] = f.index;
  j["replay"] = f.replay_command;
  j["message"] = f.message;
  if (f.preemptions >= 0) j["preemptions"] = f.preemptions;
  if (f.original_preemptions >= 0) j["original_preemptions"] = f.original_preemptions;
  return j;
}

// One line, keys in the order written, with a space after ':' and ',' as design.md shows.
void write_json(const nlohmann::ordered_json& j, std::string& out) {
  if (j.is_object()) {
    out += '{';
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      out += first ? "" : ", ";
      first = false;
      out += nlohmann::ordered_json(it.key()).dump() + ": ";
      write_json(it.value(), out);
    }
    out += '}';
  } else {
    out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
}

void print_json(const std::string& file, const explore::Options& o, const explore::Summary& s,
                const explore::Verdict& v) {
  nlohmann::ordered_json j;
  j["scenario"] = file;
  j["policy"] = sim::to_string(o.policy);
  j["seed"] = o.seed;
  j["preempt"] = sim::to_string(o.preempt);
  if (o.policy == sim::PolicyKind::Pct) {
    j["depth"] = o.depth;
    j["expected_steps"] = s.expected_steps;
  }
  if (o.policy == sim::PolicyKind::Exhaustive) {
    j["preemptions"] = o.preemptions;
    j["exhausted"] = s.exhausted;
  }
  j["schedules"] = s.schedules;
  nlohmann::ordered_json outcomes = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < explore::kKinds; ++k) {
    outcomes[explore::to_string(static_cast<explore::Kind>(k))] = s.outcomes[k];
  }
  j["outcomes"] = outcomes;
  j["distinct_outputs"] = s.outputs.size();
  const explore::Failure* first = s.first_failure();
  j["first_failure"] = first ? failure_json(*first) : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json failures = nlohmann::ordered_json::object();
  for (const explore::Failure& f : s.failures)
    failures[explore::to_string(f.kind)] = failure_json(f);
  j["failures"] = failures;
  j["expectation"] = {{"expect", v.expect.empty() ? nlohmann::ordered_json(nullptr)
                                                  : nlohmann::ordered_json(v.expect)},
                      {"understood", v.understood},
                      {"broken", v.broken},
                      {"verdict", v.explanation}};
  j["seconds"] = s.seconds;
  j["schedules_per_second"] = s.seconds > 0 ? static_cast<double>(s.schedules) / s.seconds : 0.0;
  std::string out;
  write_json(j, out);
  std::puts(out.c_str());
}

void print_summary(const std::string& file, const explore::Options& o, const explore::Summary& s,
                   const explore::Verdict& v) {
  std::printf("%s: %llu schedules, %s", file.c_str(), static_cast<unsigned long long>(s.schedules),
              sim::to_string(o.policy));
  if (o.preempt == sim::Preempt::Line) std::printf(", preempt line");
  if (o.policy == sim::PolicyKind::Pct) {
    std::printf(" (depth %d, ~%llu steps)", o.depth,
                static_cast<unsigned long long>(s.expected_steps));
  }
  if (o.policy == sim::PolicyKind::Exhaustive) {
    std::printf(" (<= %d preemptions: %s)", o.preemptions,
                s.exhausted ? "space exhausted" : "cap reached, space NOT exhausted");
  }
  std::printf(", %.2f s (%.0f/s)\n", s.seconds,
              s.seconds > 0 ? static_cast<double>(s.schedules) / s.seconds : 0.0);
  for (std::size_t k = 0; k < explore::kKinds; ++k) {
    std::printf("  %-9s %llu\n", explore::to_string(static_cast<explore::Kind>(k)),
                static_cast<unsigned long long>(s.outcomes[k]));
  }
  std::printf("  distinct outputs: %zu\n", s.outputs.size());
  for (std::size_t i = 0; i < s.outputs.size() && i < 5; ++i) {
    const explore::OutputClass& c = s.outputs[i];
    std::string text;
    for (const std::string& l : c.lines) text += (text.empty() ? "" : " / ") + l;
    if (text.empty()) text = "(no output)";
    if (text.size() > 90) text = text.substr(0, 87) + "...";
    std::printf("    %6llu x  %s\n", static_cast<unsigned long long>(c.count), text.c_str());
  }
  if (s.outputs.size() > 5) std::printf("    ... and %zu more\n", s.outputs.size() - 5);
  for (const explore::Failure& f : s.failures) {
    std::printf("first %s: schedule %llu (seed %llu)\n  %s\n", explore::to_string(f.kind),
                static_cast<unsigned long long>(f.index), static_cast<unsigned long long>(f.seed),
                f.replay_command.c_str());
    if (f.original_preemptions >= 0) {
      std::printf("  shrunk from %d to %d preemptions\n", f.original_preemptions, f.preemptions);
    }
    if (!f.trace_error.empty()) std::printf("  (trace not written: %s)\n", f.trace_error.c_str());
  }
  std::printf("%s: %s\n", v.broken ? "EXPECTATION BROKEN" : "expectation held",
              v.explanation.c_str());
}

}  // namespace

int run_explore(int argc, char** argv) {
  CLI::App app("Run a scenario under many schedules and count the outcomes.", "rendezvous explore");
  std::string file;
  std::string trace_dir;
  bool json = false;
  explore::Options o;
  o.schedules = 1000;
  o.jobs = std::max(1u, std::thread::hardware_concurrency());
  app.add_option("FILE", file, "the Go program or test file (.go), or Lua scenario (.lua)")
      ->required();
  auto* n = app.add_option("--schedules", o.schedules,
                           "runs (random, pct; default 1000) or the cap (exhaustive; default "
                           "100000)")
                ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}));
  add_policy_option(app, &o.policy,
                    {sim::PolicyKind::Random, sim::PolicyKind::Pct, sim::PolicyKind::Exhaustive},
                    "");
  app.add_option("--depth", o.depth, "pct: bug depth (default 2)")->check(CLI::Range(1, 100));
  app.add_option("--preemptions", o.preemptions, "exhaustive: preemption bound (default 2)")
      ->check(CLI::Range(0, 1000));
  auto* preempt = add_preempt_option(app, &o.preempt);
  app.add_option("--jobs", o.jobs, "runs at once (default: one per CPU)")
      ->check(CLI::Range(1u, 64u));
  app.add_option("--seed", o.seed, "base seed: schedule i uses seed + i (default 1)");
  add_memory_option(app, &o.memory_cap);
  add_run_option(app, &o.run);
  add_max_events_option(app, &o.max_events);
  add_wall_option(app, &o.max_wall)
      ->description("seconds of wall-clock time each run may take (default 600)");
  add_cpu_option(app, &o.max_cpu)
      ->description("seconds of CPU time each run's tasks may use together (default 300)");
  add_task_cpu_option(app, &o.max_task_cpu);
  app.add_option("--trace-dir", trace_dir, "where failure traces go (default: <tmp>/rendezvous)");
  app.add_flag("--shrink", o.shrink,
               "random/pct: replace each first failure by one with the fewest preemptions");
  app.add_flag("--json", json, "print one JSON object instead of a summary");
  if (const int rc = parse_args(app, argc, argv); rc >= 0) return rc;
  if (app.count("--limit-memory") == 0) o.memory_cap = sim::default_memory_cap(o.max_events);
  if (o.policy == sim::PolicyKind::Exhaustive && n->count() == 0) o.schedules = 100'000;

  const Result<std::string> text = script::read_script(file);
  if (!text) {
    std::fprintf(stderr, "rendezvous explore: %s\n", text.error().c_str());
    return kExitUsage;
  }
  if (const gofront::Prepared p = gofront::prepare(file, *text, o.run); !p.ok) {
    std::fputs(p.error.c_str(), stderr);
    return 2;
  }
  if (trace_dir.empty()) {
    std::error_code ec;
    trace_dir = (std::filesystem::temp_directory_path(ec) / "rendezvous").string();
  }
  o.trace_dir = trace_dir;
  // Without --preempt, the scenario's header may ask for line preemption (4.2b does).
  if (preempt->count() == 0) explore::read_preempt(*text, file, &o.preempt);
  const bool bar = !json && isatty(STDERR_FILENO) == 1;
  if (bar) {
    o.on_progress = [](std::uint64_t done, std::uint64_t total) {
      constexpr std::uint64_t kWidth = 40;
      const std::uint64_t filled = done * kWidth / total;
      std::fprintf(stderr, "\r[%s%s] %llu/%llu", std::string(filled, '#').c_str(),
                   std::string(kWidth - filled, ' ').c_str(), static_cast<unsigned long long>(done),
                   static_cast<unsigned long long>(total));
    };
  }
  const explore::Summary s = explore::explore(file, *text, o);
  if (bar) std::fputs("\r\033[K", stderr);
  const explore::Verdict v = explore::judge(explore::read_expectation(*text, file), s);
  if (json) {
    print_json(file, o, s, v);
  } else {
    print_summary(file, o, s, v);
  }
  if (!v.understood) return kExitUsage;
  return v.broken ? kExitFailed : kExitOk;
}

}  // namespace rdv::cli
