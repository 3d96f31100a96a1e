#include "cli/args.h"

#include <vector>

namespace rdv::cli {

int parse_args(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> args;
  for (int i = argc - 1; i >= 2; --i) args.emplace_back(argv[i]);  // CLI11 wants them reversed
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return -1;
}

CLI::Option* add_policy_option(CLI::App& app, sim::PolicyKind* out,
                               std::initializer_list<sim::PolicyKind> kinds,
                               const std::string& help) {
  std::vector<std::string> names;
  std::string list;
  for (const sim::PolicyKind k : kinds) {
    names.emplace_back(sim::to_string(k));
    list += (list.empty() ? "" : names.size() == kinds.size() ? " or " : ", ") + names.back();
  }
  return app
      .add_option_function<std::string>(
          "--policy", [out](const std::string& s) { sim::parse_policy(s, out); },
          help.empty() ? list : help + ": " + list)
      ->check(CLI::IsMember(names));
}

CLI::Option* add_preempt_option(CLI::App& app, sim::Preempt* out) {
  return app
      .add_option_function<std::string>(
          "--preempt", [out](const std::string& s) { sim::parse_preempt(s, out); },
          "sync: switch at sync points; line: at every Lua line")
      ->check(CLI::IsMember({"sync", "line"}));
}

CLI::Option* add_memory_option(CLI::App& app, std::size_t* bytes) {
  return app
      .add_option_function<std::size_t>(
          "--limit-memory", [bytes](std::size_t mib) { *bytes = mib << 20; },
          "MiB the run may hold: Lua's heap, task stacks, events, output (default 256, plus "
          "what the events above 1000000 take with --max-events)")
      ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 20));
}

namespace {

// A time limit given in seconds (1 s to 30 days) into *limit, in nanoseconds.
CLI::Option* add_seconds_option(CLI::App& app, const std::string& name, sim::Nanos* limit,
                                const std::string& help) {
  return app
      .add_option_function<std::int64_t>(
          name, [limit](std::int64_t seconds) { *limit = sim::Nanos{seconds} * 1'000'000'000; },
          help)
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{30} * 24 * 3600));
}

}  // namespace

CLI::Option* add_wall_option(CLI::App& app, sim::Nanos* limit) {
  return add_seconds_option(
      app, "--limit-wall", limit,
      "seconds of wall-clock time a run may take, then it ends with \"time limit exceeded\" "
      "(default 600). A live run whose tasks all wait for timers that fire after it ends at "
      "once");
}

CLI::Option* add_cpu_option(CLI::App& app, sim::Nanos* limit) {
  return add_seconds_option(
      app, "--limit-cpu", limit,
      "seconds of CPU time a run's tasks may use together, then it ends with \"CPU time limit "
      "exceeded\" (default 300)");
}

CLI::Option* add_task_cpu_option(CLI::App& app, sim::Nanos* limit) {
  return add_seconds_option(
      app, "--limit-task-cpu", limit,
      "seconds of CPU time any one task may use, then the run ends with \"CPU time limit "
      "exceeded: task N used more than …\" at the task's line (default: no limit per task; "
      "--limit-cpu bounds them together)");
}

CLI::Option* add_run_option(CLI::App& app, std::string* test) {
  return app.add_option("--run", *test,
                        "a _test.go file: the test to run, e.g. TestTransfer (default: all of "
                        "them, in the file's order, as go test -v)");
}

CLI::Option* add_max_events_option(CLI::App& app, std::uint64_t* n) {
  return app
      .add_option("--max-events", *n,
                  "events a run may record, then it ends with \"event limit exceeded\" (default "
                  "1000000). Each event takes " +
                      std::to_string(sim::RunConfig::kEventBytes) +
                      " bytes in the run's log, charged to the memory cap (the default cap grows "
                      "with the limit; an explicit --limit-memory still applies), and ~170 more "
                      "while a trace is recorded or viewed: 10,000,000 events take ~1.1 GB, ~2.8 "
                      "GB with --trace")
      ->check(CLI::Range(std::uint64_t{1}, sim::RunConfig::kMaxMaxEvents));
}

}  // namespace rdv::cli
