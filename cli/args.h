// cli/args.h — what the headless subcommands share on their command lines: exit codes, argv
// parsing, and the options that name a policy or a preemption mode (by sim/'s one spelling of
// each, so the CLI, the app and trace headers say the same words).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>

#include <CLI/CLI.hpp>

#include "sim/policy.h"
#include "sim/runtime.h"

namespace rdv::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;   // usage or I/O error
inline constexpr int kExitFailed = 2;  // the scenario failed, or an expectation was broken

// Parses argv[2..] (argv[1] is the subcommand). Returns -1 to go on, else the exit code (help
// printed, or a usage error reported).
int parse_args(CLI::App& app, int argc, char** argv);

// --policy NAME, one of `kinds` by their sim::to_string names, into *out.
CLI::Option* add_policy_option(CLI::App& app, sim::PolicyKind* out,
                               std::initializer_list<sim::PolicyKind> kinds,
                               const std::string& help);

// --preempt sync|line into *out.
CLI::Option* add_preempt_option(CLI::App& app, sim::Preempt* out);

// --limit-memory MIB into *bytes: the run's one memory cap (sim/memory_budget.h), in MiB.
CLI::Option* add_memory_option(CLI::App& app, std::size_t* bytes);
// --limit-wall SECONDS into *limit: the wall-clock time a run may take (RunConfig::max_wall).
CLI::Option* add_wall_option(CLI::App& app, sim::Nanos* limit);
// --limit-cpu SECONDS into *limit: the CPU time a run's tasks may use (RunConfig::max_cpu).
CLI::Option* add_cpu_option(CLI::App& app, sim::Nanos* limit);
// --limit-task-cpu SECONDS into *limit: the CPU time any one task may use
// (RunConfig::max_task_cpu; none unless given).
CLI::Option* add_task_cpu_option(CLI::App& app, sim::Nanos* limit);
// --run TestX: the test of a _test.go file to run (its tests in order without it).
CLI::Option* add_run_option(CLI::App& app, std::string* test);

// --max-events N into *n: the run's event limit (sim::RunConfig::max_events), with the memory
// it takes in the help.
CLI::Option* add_max_events_option(CLI::App& app, std::uint64_t* n);

}  // namespace rdv::cli
