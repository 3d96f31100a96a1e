// session/view_model.h — the pure functions that turn the model's state into what panels show:
// labels, rows, line markers, console lines. No ImGui calls here (colours come from state_style.h),
// so every rule is tested without a window (tests/ui/view_model_test.cpp).
//
// - Names are Go's words: "send on chan result", "wait on WaitGroup workers (counter 2)".
// - Everything is derived from a model::State at the cursor; nothing reads a primitive.
#pragma once

#include "model/model.h"
#include "session/state_style.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rdv::session {

// "0 s", "1.5 s", "250 ms", "40 µs", "12 ns".
std::string format_time(sim::Nanos t);

// "chan result", "WaitGroup workers", "RWMutex table", "context request", "future price";
// "chan #3" when the object has no name; "nil channel" for id 0.
std::string object_label(const model::Model& m, sim::ObjId id);

// The event's kind in the words of the call that made it: "WgDone" for a WaitGroup's Add(-1)
// (what wg:done() / wg.Done() emits), else sim::to_string(kind).
const char* event_kind_label(const sim::Event& e);

// What a task is doing, for people: "send on chan result", "select: recv on jobs, recv on
// timeout", "wait on WaitGroup workers (counter 2)", "lock Mutex audit (held by worker2)",
// "sleep until 2 s", "waiting for the scheduler", "running", "returned", "panicked".
std::string waits_on(const model::Model& m, const model::State& s, const model::TaskInfo& t);

// One row of the Tasks panel.
struct TaskRow {
  sim::TaskId id = 0;
  std::size_t index = 0;  // dense index: identity colour
  std::string name;
  VisualState visual = VisualState::Runnable;
  std::string doing;                // waits_on()
  std::uint32_t line = 0;           // 0: unknown
  sim::Nanos blocked_time = 0;      // time spent blocked or sleeping so far
  std::uint64_t blocked_steps = 0;  // events since it parked (0 when not parked)
  bool stuck = false;               // part of a deadlock, or leaked at the end
};
TaskRow task_row(const model::Model& m, const model::State& s, const model::TaskInfo& t);

// True when the run deadlocked (or ended leaking) and `t` is one of the tasks left parked:
// these are highlighted in every panel.
bool is_stuck(const model::State& s, const model::TaskInfo& t);

// A task's marker in the source: which task sits at which line.
struct LineMark {
  std::uint32_t line = 0;
  std::size_t task_index = 0;
  sim::TaskId task = 0;
};
// Live tasks with a known line, sorted by line then spawn order. A task's line is the line it
// executes next (for a blocked task, the line it waits at): model::TaskInfo::line.
std::vector<LineMark> line_marks(const model::State& s);
// The line `latest` (the task of the event just shown) ran last, when it has moved on to
// another: the Source pane draws it faintly, apart from the marks of the next lines. Line 0:
// none (it did not move, it is not alive, or the trace has no such information).
LineMark just_ran_mark(const model::State& s, sim::TaskId latest);
// The line the task of `e` executes next right after `e`, for an event that starts one of its
// timeline spans (TaskSpawn: the line the new task starts at; others: their line). 0 unknown.
std::uint32_t next_line(const sim::Event& e);

// The lines the Source pane keeps in view when it follows the tasks (1-based, inclusive; 0 0:
// nothing to follow):
//  - the focused task's line, when it is alive with a line;
//  - else every live task's line, when they all fit in `rows` rows;
//  - else the line of `latest` (the task of the event just shown), else the first task's.
struct LineRange {
  std::uint32_t first = 0, last = 0;
  friend bool operator==(const LineRange&, const LineRange&) = default;
};
LineRange follow_lines(std::span<const LineMark> marks, sim::TaskId focus, sim::TaskId latest,
                       std::uint32_t rows);

// The Variables pane's rows at a cursor (model::VarInfo, written by VarSet events).
struct VarRow {
  const model::VarInfo* var = nullptr;
  bool changed = false;  // written by an event in [since, cursor): since the previous step
};
struct TaskVars {
  sim::TaskId task = 0;
  std::vector<VarRow> vars;
};
struct VarSections {
  std::vector<VarRow> shared;    // captured by tasks, in order of first write
  std::vector<VarRow> globals;   // made by the script
  std::vector<TaskVars> locals;  // per task with locals: the focused one only, if any
  bool empty() const noexcept { return shared.empty() && globals.empty() && locals.empty(); }
};
VarSections variable_rows(const model::State& s, sim::TaskId focus, std::size_t since);
// "lost update: unsafe 2 stored 4 (line 15, #80) over unsafe 1's 4 (#77): unsafe 1's update
// is gone" for a variable with v.lost > 0; empty otherwise.
std::string lost_update_text(const model::Model& m, const model::VarInfo& v);

// The context tree in depth-first order, with each node's depth.
struct ContextRow {
  const model::ContextInfo* ctx = nullptr;
  int depth = 0;
};
std::vector<ContextRow> context_tree(const model::State& s);
// A context's name as the script gave it (CtxMake's val), else its kind ("with_cancel").
std::string context_name(const model::Model& m, const model::ContextInfo& c);
// "cancelled: context canceled (by request)" / "cancelled: context deadline exceeded" / "active"
// / "active, deadline 10 s".
std::string context_status(const model::Model& m, const model::State& s,
                           const model::ContextInfo& c);

// What the Console shows for the events before the cursor.
// Stderr: a line the program wrote to its error stream (Go's os.Stderr).
enum class ConsoleKind : std::uint8_t { Print, Stderr, Note, Panic, Recover, Deadlock, Leak, End };
struct ConsoleLine {
  ConsoleKind kind = ConsoleKind::Print;
  sim::Seq seq = 0;
  sim::TaskId task = 0;
  std::uint32_t line = 0;
  std::string text;
};
// Output, notes and diagnostics among the first `n` events, in seq order.
std::vector<ConsoleLine> console_lines(const model::Model& m, std::size_t n);

// Which of the panes that highlight stuck tasks are on screen (View ▸ Panes, the lecture
// layout, the tab chosen in the centre pane).
struct ShownPanes {
  bool tasks = true;
  bool channels = true;
};
// The line under the outcome banner when tasks are left blocked: how many, and the panes that
// highlight them in red — Tasks when shown, Channels only when shown and one waits in a
// channel's queue; with neither, the report below. "" when no task is stuck.
std::string stuck_banner(const model::State& s, ShownPanes shown = {});

// The run's report without the lines the console already printed from events (the deadlock's
// "fatal error: …" line), so nothing is said twice.
std::string report_after_console(const std::string& diagnostics,
                                 const std::vector<ConsoleLine>& lines);

// `code` (one source line) without its trailing comment and the blanks before it: Lua's "--"
// or, when `go`, Go's "//" and "/* */", never inside a string literal ("a -- b" stays whole).
std::string_view code_without_comment(std::string_view code, bool go);

// The line a script error or panic message points at: the first "<chunkname>:<N>:" in
// `message`; 0 when there is none.
std::uint32_t error_line(std::string_view message, std::string_view chunkname);

// Line `line` (1-based) of `source` without its leading and trailing blanks; "" when out of range.
std::string_view source_line(std::string_view source, std::uint32_t line);

// The goal of an exercise from the scenario's `expect` field, for the interactive scheduler:
// "Goal: make it deadlock — ..." when the scenario may deadlock; "" when it has no such goal.
std::string exercise_goal(std::string_view expect);

}  // namespace rdv::session
