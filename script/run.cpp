#include "script/run.h"

#include <map>
#include <utility>

#include "script/go_funcs.h"
#include "script/read_file.h"
#include "script/scenario_header.h"
#include "script/universe.h"

namespace rdv::script {
namespace {

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// What the events say about the tasks and objects of a run, for describing its end.
struct Census {
  struct Blocked {
    sim::BlockReason reason = sim::BlockReason::None;
    sim::ObjId obj = 0;
    std::uint32_t line = 0;
  };
  std::map<sim::TaskId, std::string> task_names;
  std::map<sim::TaskId, std::uint32_t> spawn_lines;  // the line of the go() that started it
  std::map<sim::TaskId, std::uint32_t> first_lines;  // the first line of its function (0 unknown)
  std::map<sim::ObjId, std::string> objects;         // "chan result", "WaitGroup wg3", ...
  std::map<sim::TaskId, Blocked> blocked;            // tasks parked at the end of the stream

  explicit Census(const sim::EventLog& log) {
    const std::size_t n = log.committed();
    for (std::size_t i = 0; i < n; ++i) {
      const sim::Event& e = log.at(i);
      const std::string text(log.str(e.text));
      switch (e.kind) {
        case sim::EventKind::TaskSpawn:
          task_names[e.task] = text;
          spawn_lines[e.task] = e.line;
          first_lines[e.task] = static_cast<std::uint32_t>(e.aux);
          break;
        case sim::EventKind::TaskBlock:
          blocked[e.task] = {e.reason, e.obj, e.line};
          break;
        case sim::EventKind::TaskUnblock:
        case sim::EventKind::TaskExit:
          blocked.erase(e.task);
          break;
        default:
          if (const char* kind = object_kind(e)) name(e.obj, kind, text);
          break;
      }
    }
  }

  // What the report calls the object an event makes ("chan", "WaitGroup", ...); null for an
  // event that makes none.
  static const char* object_kind(const sim::Event& e) {
    static constexpr std::pair<sim::EventKind, const char*> kKinds[] = {
        {sim::EventKind::ChanMake, "chan"},   {sim::EventKind::WgMake, "WaitGroup"},
        {sim::EventKind::MutexMake, "Mutex"}, {sim::EventKind::AtomicMake, "atomic"},
        {sim::EventKind::CtxMake, "context"}, {sim::EventKind::FutureMake, "future"},
        {sim::EventKind::GroupMake, "group"}, {sim::EventKind::TimerMake, "timer"},
        {sim::EventKind::CondMake, "Cond"},
    };
    if (e.kind == sim::EventKind::MutexMake && e.arg != 0) return "RWMutex";
    for (const auto& [kind, word] : kKinds)
      if (kind == e.kind) return word;
    return nullptr;
  }

  void name(sim::ObjId obj, const char* kind, const std::string& text) {
    objects[obj] = text.empty() ? std::string(kind) + " #" + std::to_string(obj)
                                : std::string(kind) + " " + text;
  }

  std::string object(sim::ObjId obj) const {
    auto it = objects.find(obj);
    return it != objects.end() ? it->second : "#" + std::to_string(obj);
  }

  std::string task(sim::TaskId t) const {
    auto it = task_names.find(t);
    return it != task_names.end() ? it->second : "task " + std::to_string(t);
  }

  // "goroutine 2 [chan send]:\n\tworker at file.lua:7, waiting on chan result"
  std::string describe(sim::TaskId t, sim::BlockReason reason, sim::ObjId obj, std::uint32_t line,
                       std::string_view chunkname) const {
    std::string s = "goroutine " + std::to_string(t) + " [" +
                    (reason == sim::BlockReason::None ? "runnable" : sim::to_string(reason)) +
                    "]:\n\t" + task(t) + " at " + std::string(chunkname) + ":" +
                    std::to_string(line);
    if (obj != 0) s += ", waiting on " + object(obj);
    return s;
  }
};

}  // namespace

int RunReport::exit_code() const noexcept {
  if (io_error) return 1;
  if (result.exit_status >= 0) return result.exit_status;
  switch (result.outcome) {
    case sim::Outcome::Ok:
    case sim::Outcome::Leak:
      return 0;
    default:
      return 2;
  }
}

std::string describe_outcome(const sim::RunResult& result, const sim::EventLog& log,
                             std::string_view chunkname, std::string_view source) {
  // Most runs of an exploration end well: they need no census of the stream (a pass over every
  // event with its text copied), so it is taken only for an end that names tasks or objects.
  const bool main_returned =
      result.outcome == sim::Outcome::Ok || result.outcome == sim::Outcome::Leak;
  if (result.outcome == sim::Outcome::Running || (main_returned && result.leaked.empty()))
    return {};
  if (result.outcome == sim::Outcome::Aborted) return "aborted: " + result.message + "\n";
  const Census census(log);
  const std::string& msg = result.message;
  switch (result.outcome) {
    case sim::Outcome::Running:
      return {};
    case sim::Outcome::Ok:
    case sim::Outcome::Leak: {
      // Main returned: the program ended there, as Go's does. The tasks still alive are listed
      // as goleak lists them, with Go's state word; the outcome is Leak when one of them is
      // blocked or sleeping, Ok when they were all runnable (design.md §4b).
      if (result.leaked.empty()) return {};
      std::string s = "warning: main returned with " + std::to_string(result.leaked.size()) +
                      " goroutine(s) still alive; the program ended without them" +
                      (result.outcome == sim::Outcome::Leak ? " (leaked)\n" : "\n");
      for (const sim::LeakedTask& t : result.leaked) {
        // A task that never ran is at its function's first line (Go's traceback says so too).
        const auto first = census.first_lines.find(t.task);
        const std::uint32_t line =
            t.line != 0 || first == census.first_lines.end() ? t.line : first->second;
        s += "\n" + census.describe(t.task, t.reason, t.obj, line, chunkname) + "\n";
      }
      return s;
    }
    case sim::Outcome::Deadlock: {
      std::string s = "fatal error: all goroutines are asleep - deadlock!\n";
      for (const auto& [t, b] : census.blocked) {
        s += "\n" + census.describe(t, b.reason, b.obj, b.line, chunkname) + "\n";
      }
      return s;
    }
    case sim::Outcome::Panic: {
      // The runtime's message: "panic: <message>\n\ngoroutine N [running]:\n\t<task> at line
      // L", then the traceback: Lua's ("stack traceback:\n..."), or a Go program's frames in
      // Go's words ("main.at(...)\n\tprog.go:6\n...", script/universe.cpp).
      constexpr std::string_view kRunning = "[running]:\n\t";
      const std::size_t head_end = msg.rfind("\n\ngoroutine ");
      const std::size_t at_line = msg.find(kRunning, head_end);
      const std::size_t after =
          at_line == std::string::npos ? at_line : msg.find('\n', at_line + kRunning.size());
      const std::string_view traceback =
          after == std::string::npos ? std::string_view() : std::string_view(msg).substr(after + 1);
      // A task whose body is a C function (go(ch.close, ch)) never reaches a line of its own:
      // it is at the go() that started it.
      const auto spawned = census.spawn_lines.find(result.task);
      const std::uint32_t line =
          result.line != 0 || spawned == census.spawn_lines.end() ? result.line : spawned->second;
      std::string s = msg.substr(0, head_end) + "\n\ngoroutine " + std::to_string(result.task) +
                      " [running]:\n";
      if (!traceback.empty() && !traceback.starts_with("stack traceback:")) {
        // Go's form: the frames, then for a goroutine the function and line of its go statement.
        s += std::string(traceback) + "\n";
        const GoFuncs funcs(source);
        if (spawned != census.spawn_lines.end() && result.task != 1 && spawned->second != 0) {
          const std::string_view creator = funcs.enclosing(spawned->second);
          if (!creator.empty()) {
            s += "created by " + std::string(creator) + "\n\t" + std::string(chunkname) + ":" +
                 std::to_string(spawned->second) + "\n";
          }
        }
        return s;
      }
      s += "\t" + census.task(result.task) + " at " + std::string(chunkname) + ":" +
           std::to_string(line) + "\n";
      if (!traceback.empty()) s += std::string(traceback) + "\n";
      return s;
    }
    case sim::Outcome::Error: {
      if (result.exit_status >= 0) {  // exit(3): "exit status 3", as `go run` says, and where
        return msg + " (" + std::string(chunkname) + ":" + std::to_string(result.line) + ", in " +
               census.task(result.task) + ")\n";
      }
      // A Go program's fatal error is Go's report already (Universe::stop_message).
      if ((msg.starts_with("fatal error: ") || msg.starts_with("runtime: ")) &&
          std::string_view(chunkname).ends_with(".go"))
        return msg + "\n";
      // Script errors and the script layer's limits name file:line already; the runtime's own
      // limits (events, time) do not know the script: name where the run was when it stopped,
      // from the last event that carries a line.
      std::string s = "error: " + msg;
      if (msg.find(std::string(chunkname) + ":") == std::string::npos) {
        sim::TaskId task = result.task;
        std::uint32_t line = result.line;
        for (std::size_t i = log.committed(); line == 0 && i > 0; --i) {
          const sim::Event& e = log.at(i - 1);
          if (e.line != 0 && e.task != 0) {
            task = e.task;
            line = e.line;
          }
        }
        if (line != 0) {
          s += " (at " + std::string(chunkname) + ":" + std::to_string(line) + ", in " +
               census.task(task) + ")";
        }
      }
      return s + "\n";
    }
    case sim::Outcome::Aborted:
      return "aborted: " + msg + "\n";
  }
  return msg + "\n";
}

// ---- ScriptRun --------------------------------------------------------------------------------

ScriptRun::ScriptRun(std::string chunkname, std::string source, RunOptions options,
                     sim::EventLog& log)
    : chunkname_(std::move(chunkname)),
      source_(std::move(source)),
      options_(std::move(options)),
      log_(log) {
  if (!options_.budget) options_.budget = std::make_shared<sim::MemoryBudget>(options_.memory_cap);
  log_.set_budget(options_.budget);
  rt_ = std::make_unique<sim::Runtime>(options_.config, log_);
  universe_ = std::make_unique<Universe>(options_, chunkname_, *rt_);
}

ScriptRun::~ScriptRun() {
  // The runtime joins every task before the Lua state goes: tasks use it until they return.
  if (started_) {
    rt_->abort();
    rt_->wait();
  }
  universe_.reset();
  rt_.reset();
}

void ScriptRun::start() {
  started_ = true;
  rt_->start("main", universe_->main_task(source_));
}

bool ScriptRun::wait_for(std::chrono::milliseconds d) {
  return rt_->wait_for(d);
}

void ScriptRun::abort() {
  rt_->abort();
}

sim::Runtime& ScriptRun::runtime() noexcept {
  return *rt_;
}

RunReport ScriptRun::finish() {
  RunReport report;
  report.result = rt_->wait();
  report.output = universe_->take_output();
  report.errput = universe_->take_errput();
  report.diagnostics = describe_outcome(report.result, log_, chunkname_, source_);
  return report;
}

// ---- one-shot runs ----------------------------------------------------------------------------

RunReport run_source(std::string_view chunkname, std::string_view source, const RunOptions& options,
                     sim::EventLog& log) {
  ScriptRun run(std::string(chunkname), std::string(source), options, log);
  run.start();
  return run.finish();
}

Result<std::string> read_script(const std::string& path) {
  // A directory, a FIFO or /dev/zero is refused before anything is read (read_file.h).
  return read_regular_file(path, kMaxScenarioFileBytes);
}

RunReport run_file(const std::string& path, const RunOptions& options, sim::EventLog& log) {
  Result<std::string> text = read_script(path);
  if (!text) {
    RunReport report;
    report.io_error = true;
    report.result.outcome = sim::Outcome::Error;
    report.result.message = text.error();
    report.diagnostics = "error: " + text.error() + "\n";
    return report;
  }
  return run_source(base_name(path), *text, options, log);
}

}  // namespace rdv::script
