// script/run.h — running a scenario script: the in-process API of the script layer.
//
// A run is one Lua universe (design.md §4) on one sim::Runtime: the script's main chunk is task 1
// (`main`), each go(...) a task on its own OS thread. The CLI (`rendezvous run`), the scenario
// library's tests and the UI all run scripts through this file.
//
//  - run_source()/run_file() run a script to its end and return a RunReport; the events go to
//    the given EventLog (which must be empty and outlive the call).
//  - ScriptRun is the same run, started and awaited separately (for a UI that polls the log,
//    steps an interactive policy or aborts the run).
//  - Same script + same mode (controlled) + same policy + same seed ⇒ the same events, byte for
//    byte, and the same output.
//  - Never throws for anything a script does: syntax errors, panics, limits and deadlocks are
//    outcomes with a message (RunReport::diagnostics).
//
// Example:
//   rdv::sim::EventLog log;
//   rdv::script::RunOptions opt;
//   opt.config.seed = 7;
//   auto report = rdv::script::run_file("scenarios/2.1-unbuffered-rendezvous.lua", opt, log);
//   for (auto& line : report.output) std::puts(line.c_str());
//   if (report.exit_code() != 0) std::fputs(report.diagnostics.c_str(), stderr);
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/event_log.h"
#include "sim/memory_budget.h"
#include "sim/result.h"
#include "sim/runtime.h"

namespace rdv::script {

struct RunOptions {
  sim::RunConfig config;  // mode, policy (default random(seed)), seed, max_tasks, limits
  sim::Preempt preempt = sim::Preempt::Sync;  // Line: also a sched point at every Lua line
  // The run's memory cap (`--limit-memory`): Lua's heap, the C stacks of its tasks, its events
  // and their texts and its output, together (sim/memory_budget.h); past it, Outcome::Error
  // ("memory limit exceeded: the script uses more than 256 MiB (Lua …, task stacks …)").
  std::size_t memory_cap = sim::MemoryBudget::kDefaultCap;
  // The budget the run charges; null: a budget of its own with memory_cap. `explore` hands one
  // budget to all its jobs, so that they share one cap (its cap then is the budget's).
  std::shared_ptr<sim::MemoryBudget> budget;
  // VM instructions a task may run without reaching the API, then Outcome::Error ("task 3 ran
  // 50,000,000 instructions without reaching a synchronization point at file.lua:12"). Checked
  // every 1,000 instructions, in both modes. 0 = no budget.
  std::uint64_t step_budget = 50'000'000;
  // Bytes a script may print (kept in RunReport::output and traces), then Outcome::Error
  // ("output limit exceeded ... at file.lua:12"). 0 = no limit.
  std::size_t output_cap = std::size_t{32} << 20;
  // Variables (the Variables pane): after each line that assigns a variable, its value is
  // emitted as a VarSet event (sim/event.h). Writes to shared variables (captured by two or more
  // tasks) and globals are emitted every time, locals only when their value changed; past
  // kMaxVarEvents writes a Note says so and tracking stops. Costs a line hook on every Lua line
  // (docs/performance.md has the figure); a task that runs a million lines without assigning is
  // no longer watched. Recorded in a trace's header (`vars`), so a replay tracks them too.
  bool track_vars = false;
  static constexpr std::uint64_t kMaxVarEvents = 20'000;
  // Called with each line the script prints, as it prints it (serialised; no newline).
  std::function<void(std::string_view)> on_print;
  // Called with each line the script writes to its error stream (eprint; a Go program's
  // fmt.Fprint*(os.Stderr, ...)), as it writes it.
  std::function<void(std::string_view)> on_eprint;
  // Set when the source could not be made into a chunk (a Go program that does not compile:
  // "prog.go:8:2: imported and not used: \"os\"", one error per line). The run then ends at
  // once as a chunk that fails to load does: Outcome::Error with this message.
  std::string load_error;
};

struct RunReport {
  sim::RunResult result;            // outcome, Go's message, the failing task and its line
  std::vector<std::string> output;  // the script's print lines, in order
  std::vector<std::string> errput;  // the lines it wrote to its error stream (eprint), in order
  // What `rendezvous run` writes on stderr: the deadlock message and every blocked task (name,
  // reason, object, file:line), the panic with its task, line and Lua traceback, the leak
  // warning, a script error or limit naming file:line. Empty for a clean run.
  std::string diagnostics;
  bool io_error = false;  // run_file could not read the file (diagnostics say why)

  // 0 ran to completion (leaks are warnings), 2 the scenario failed, 1 I/O error; the status
  // the script gave to exit() (Go's os.Exit) when it ended that way.
  int exit_code() const noexcept;
};

// Runs `source`; `chunkname` (e.g. "2.1-unbuffered-rendezvous.lua") names it in messages and
// tracebacks. Blocks until the run has ended.
RunReport run_source(std::string_view chunkname, std::string_view source, const RunOptions& options,
                     sim::EventLog& log);
// Reads `path` and runs it with chunkname = its file name (without directories).
RunReport run_file(const std::string& path, const RunOptions& options, sim::EventLog& log);

// Reads a script file: a regular file of at most kMaxScenarioFileBytes (read_file.h); an Error
// ("path: reason": a directory, a FIFO, a device, too large, cannot open) on failure.
Result<std::string> read_script(const std::string& path);

class Universe;

// One run of a script, driven step by step.
//
// Example:
//   ScriptRun run("x.lua", text, options, log);
//   run.start();
//   while (!run.wait_for(std::chrono::milliseconds(16))) draw(log);
//   RunReport r = run.finish();
class ScriptRun {
 public:
  ScriptRun(std::string chunkname, std::string source, RunOptions options, sim::EventLog& log);
  ~ScriptRun();  // aborts the run if it is still going, joins every task
  ScriptRun(const ScriptRun&) = delete;
  ScriptRun& operator=(const ScriptRun&) = delete;

  void start();                                // once
  bool wait_for(std::chrono::milliseconds d);  // true when the run has ended
  void abort();                                // from any thread; the run ends as Aborted
  RunReport finish();                          // waits for the end; once
  sim::Runtime& runtime() noexcept;

 private:
  std::string chunkname_;
  std::string source_;
  RunOptions options_;
  sim::EventLog& log_;
  std::unique_ptr<sim::Runtime> rt_;
  std::unique_ptr<Universe> universe_;
  bool started_ = false;
};

// Describes how a run ended, for people (the diagnostics of RunReport), from the result and the
// events: names of tasks and objects come from their spawn/make events. `source` is the chunk
// that ran: a Go program's panic names where its goroutine was created, by its functions' names
// (script/go_funcs.h).
std::string describe_outcome(const sim::RunResult& result, const sim::EventLog& log,
                             std::string_view chunkname, std::string_view source = {});

}  // namespace rdv::script
