// script/universe.h — the Lua universe of one run (internal to the script layer).
//
// One lua_State per run. Every task runs a Lua thread (lua_newthread) on its own OS thread, and
// the Gil makes sure exactly one of them executes Lua at a time:
//  - a task holds the Gil while it runs Lua and releases it whenever it parks in the runtime
//    (TaskHooks::before_park / after_unpark);
//  - in live mode the count hook hands the Gil over every kLiveSlice instructions when another
//    task waits for it; in controlled mode only one task runs, so it is never contended.
//
// Errors crossing the C boundary (every API function is wrapped by api<F>, see api.h):
//  - sim::Panic (a Go panic) becomes a Lua error whose value is exactly Go's message: pcall is
//    recover;
//  - a *stop* — the run is being aborted, a limit was hit (memory, steps, tasks) or a fatal
//    runtime error — raises a sentinel value that the wrapped pcall/xpcall/coroutine.resume
//    re-raise, so no script can swallow it; the task's function then ends with sim::Aborted or
//    sim::RunError.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <lua.hpp>

#include "script/assignments.h"
#include "script/gil.h"
#include "script/go_funcs.h"
#include "script/lua_pool.h"
#include "script/run.h"
#include "sim/runtime.h"

namespace rdv::sim {
struct Value;
}

namespace rdv::script {

class Universe {
 public:
  // Creates the sandboxed Lua state with the API, installs the Gil hooks on `rt`.
  Universe(const RunOptions& options, std::string chunkname, sim::Runtime& rt);
  ~Universe();  // closes the Lua state; the run must have ended (every task thread released)
  Universe(const Universe&) = delete;
  Universe& operator=(const Universe&) = delete;

  // The function of task 1: compiles `source` (a syntax error ends the run as a RunError naming
  // file:line) and runs it.
  sim::TaskFn main_task(std::string source);
  // Called on the task's thread, with the Gil held, with the values its function returned
  // (stack indexes first .. first + n - 1 of T).
  using OnReturn = std::function<void(lua_State* T, int first, int n)>;
  // A task body running the function at stack index `fn` of L with the `nargs` values above it
  // as arguments (copied into a new Lua thread, anchored until the body has run). When the body
  // is not going to run after all (spawning failed), discard() releases the thread.
  struct Body {
    sim::TaskFn fn;
    int ref = 0;                   // the Lua thread's registry reference
    std::uint32_t first_line = 0;  // the script line the task starts at (0: not the script's)
  };
  // `stack_at_start`: the body charges its task's stack when it starts (unconditionally, as
  // memory then taken; an excess ends the run at the task's first API call), not now: for a
  // body that may never run (ctx:after_func), so a registration costs only its Lua thread.
  Body task_body(lua_State* L, int fn, int nargs, OnReturn on_return = {},
                 bool stack_at_start = false);
  void discard(lua_State* L, const Body& body);
  // go(): starts a task running task_body(L, fn, nargs). Returns its id. Throws sim::RunError
  // past the task cap.
  sim::TaskId spawn(lua_State* L, std::string name, int fn, int nargs);

  static Universe& of(lua_State* L) noexcept;
  sim::Runtime& rt() noexcept { return rt_; }
  const RunOptions& options() const noexcept { return options_; }
  const std::string& chunkname() const noexcept { return chunkname_; }
  // The program is Go (its chunk is a .go file): messages and names use Go's words.
  bool speaks_go() const noexcept { return chunkname_.ends_with(".go"); }

  // ---- called with the Gil held ---------------------------------------------------------------
  // At the start of every API call: records the caller's line in the runtime (so its events
  // carry it) and raises a pending stop. (The step count restarts in Released: a runtime op.)
  void enter(lua_State* L);
  // The line of the innermost Lua function on L's stack (0 if none), and "file.lua:12".
  static std::uint32_t current_line(lua_State* L);
  // The line an error at `idx` was raised at: where its panic began when a Go program's
  // deferred calls re-raise it (goreraise), else current_line.
  static std::uint32_t raise_line(lua_State* L, int idx);
  // A Go program's traceback where its panic (the error at 1) was raised, kept for the task's
  // end, which comes after its deferred calls unwound the stack: the message handlers (pcall's
  // and the task's) call it first. A panic that G.run raises again (goreraise) keeps the stack
  // it began with. Nothing for a Lua scenario.
  static void note_go_stack(lua_State* L);
  // In a Go program, Lua's own stack overflows (the error at 1) are Go's fatal error, which
  // recover cannot stop and after which no deferred call runs: this makes the run stop with
  // Go's report and returns true. The message handlers call it first. Lua's "stack overflow"
  // is a recursion without end, as Go's is; its "C stack overflow" comes of more than about
  // 200 nested calls of functions with deferred calls (each runs in a protected call), a limit
  // of Rendezvous that the report names as such.
  static bool go_stack_overflow(lua_State* L);
  // callers(): the scenario's own active frames, innermost first, as a flat list of pairs
  // {line, linedefined, line, linedefined, ...} (frames of load()ed chunks and of the API's
  // helpers skipped). Go's testing uses it for t.Log's file:line and t.Helper.
  static int push_callers(lua_State* L);
  // The first line the function at `fn` executes (the least of its active lines), or 0 when
  // it is not the scenario's own (a C function, an API helper).
  std::uint32_t first_line(lua_State* L, int fn) const;
  std::string where(lua_State* L) const;
  // The message of a stop for the runtime's error `what`: "file:line: what"; in a Go program a
  // fatal error ("fatal error: sync: unlock of unlocked mutex") is Go's report instead: the
  // message, then the goroutine and its frames as a panic's (go_funcs.h).
  std::string stop_message(lua_State* L, std::string_view what) const;
  // Raises the uncatchable stop. `message` (kept if it is the first) makes the run end with
  // Outcome::Error and that message; an empty one means an abort.
  [[noreturn]] void raise_stop(lua_State* L, std::string message);
  bool stopping() const noexcept;
  static bool is_stop(lua_State* L, int idx);
  // goexit(), Go's runtime.Goexit: an unwinding that is not a panic. pcall catches it without a
  // Panic or Recover event (so cleanup code runs and can pass it on with error()); uncaught, the
  // task ends as if its function had returned.
  [[noreturn]] static void raise_goexit(lua_State* L);
  static bool is_goexit(lua_State* L, int idx);
  // Counts `n` VM instructions (or their equivalent) against the calling task's step budget;
  // past it, raises the stop naming the task and its line. `inside`: the C function doing the
  // work ("string.find"), named in the message; such a charge also raises a pending stop.
  void charge_steps(lua_State* L, std::uint64_t n, const char* inside = nullptr);
  // What an API call or a coroutine switch that is no synchronization point costs against the
  // step budget, in VM instructions (its time is that of a few hundred instructions).
  static constexpr std::uint64_t kCallSteps = 500;
  // A primitive's panic arrives with its Panic event emitted already (sim::Panic::reported):
  // remember its message so that the handler that catches it does not emit a second one.
  static void note_reported_panic(std::string message);
  // True (and forgotten) when the error value at idx is the panic noted last.
  static bool take_reported_panic(lua_State* L, int idx);

  // Values crossing a channel or a future: the value is kept in the registry and carried as
  // `bits` (0 = nil); `display` receives its display. push_value(release = true) gives the
  // reference back. A timer's value (ValueKind::Time) is pushed as milliseconds.
  sim::Value to_value(lua_State* L, int idx, sim::Val* display);
  void push_value(lua_State* L, const sim::Value& v, bool release);
  void release_value(const sim::Value& v);
  // A time (ns) as milliseconds: an integer when whole.
  static void push_millis(lua_State* L, sim::Nanos t);

  // print(): one line of output, after a scheduling point. Throws sim::RunError past
  // options().output_cap. `to_stderr`: a line of the error stream (eprint, Go's os.Stderr),
  // kept apart from the output (take_errput) and counted against the same caps.
  void print(std::string_view line, bool to_stderr = false);
  // Throws what print() would for a line of `bytes` bytes, before the line is made.
  void check_output(std::size_t bytes) const;
  // An error message longer than this is cut ("… (N more bytes)") when it is kept: a 100 MiB
  // error() message must not be copied, stored and written whole to stderr.
  static constexpr std::size_t kMaxMessage = std::size_t{16} << 10;
  std::vector<std::string> take_output();
  std::vector<std::string> take_errput();
  // exit(status): ends the run at once (sim::Exit), as Go's os.Exit does: the stop no pcall
  // catches, so no deferred call runs; the other tasks never run again.
  [[noreturn]] void exit_run(lua_State* L, int status);

  struct TaskCtx;  // universe.cpp: a task's Lua-side state, on its thread
  // The C stack a task's thread holds, charged to the budget (Use::Stacks) from its spawn until
  // its body is destroyed: kStackBase at first, then as deep as the task was seen to reach (at
  // its hooks, its allocations and when it parks) — 9,000 tasks parked deep in gsub once held
  // 2.6 GB of thread stacks that no cap saw.
  struct StackCharge;
  static constexpr std::size_t kStackBase = std::size_t{16} << 10;
  // Memory past the cap: set when a charge was refused or the budget is over.
  bool memory_exceeded() const noexcept;
  std::string memory_message(const std::string& at) const;

  // Releases the calling task's Gil for the duration of a runtime operation, which may park or,
  // in controlled mode, hand the CPU to the next task: that task must find the Gil free, or
  // every hand-off would cost two extra wake-ups. Touch no Lua state while it is released.
  // (TaskHooks release it too, but the runtime calls before_park after waking the next task.)
  //
  // Example:
  //   { Universe::Released r; wg->wait(); }  // then read or push Lua values again
  class Released {
   public:
    // `sync_point` false: a call that never blocks (sleep(0), try_lock, try_rlock, ctx:err()).
    // It does not restart the step budget, so a loop polling it (a busy-wait) still ends there.
    explicit Released(bool sync_point = true) noexcept;
    ~Released();
    Released(const Released&) = delete;
    Released& operator=(const Released&) = delete;

   private:
    TaskCtx* task_;  // null outside a task, or when the Gil was not held
  };

 private:
  static void* alloc(void* ud, void* ptr, std::size_t osize, std::size_t nsize) noexcept;
  // The budget's side of alloc: charges growth from `old` to `nsize` bytes (false: refused,
  // LUA_ERRMEM), gives back `old` freed bytes; take_small cuts a pool block, charging a new chunk.
  bool charge(std::size_t old, std::size_t nsize) noexcept;
  void uncharge(std::size_t old) noexcept;
  void* take_small(std::size_t nsize) noexcept;
  static void hook(lua_State* L, lua_Debug* ar);
  // ---- variables (options_.track_vars) --------------------------------------------------------
  // At a line or return hook of the calling task: reports the writes of the lines that frame
  // finished, and notes this line's assignments as pending until it has run.
  void watch_writes(lua_State* L, lua_Debug* ar, TaskCtx& t);
  // Keeps only a Go program's own variables in `by_line` (see universe.cpp).
  // `init_lines`: the lines of package variables whose initialiser is a function the chunk
  // calls at its end (gofront's `VI[k] = function() ... end`): while the main chunk defines it
  // there, nothing is written.
  static void go_assignments(std::string_view source, AssignmentsByLine& by_line,
                             std::set<std::uint32_t>& init_lines);
  // Emits the VarSet events of one finished line of the frame `ar` (the hook's, level 0).
  void report_writes(lua_State* L, lua_Debug* ar, TaskCtx& t, std::uint32_t line,
                     const std::vector<std::string>& names);
  // Notes the upvalues the task function at `fn` captures (and the Lua functions it captures,
  // two deep): each is a shared variable. When one is a local of the spawning frame, that local
  // is the same variable: its writes are reported as the shared one's from now on, and its
  // value is reported now.
  void note_captures(lua_State* L, int fn);
  // Emits one VarSet (see report_writes) unless the budget is spent; the value is at the top of
  // L's stack and popped. `lua_name` is the Lua variable's: a Go float32's, "x__f32", is shown
  // as x with its value printed as a float32.
  void emit_var(lua_State* L, TaskCtx* t, const std::string& lua_name, sim::VarScope scope,
                std::uint32_t key, std::uint32_t line);
  static int task_msgh(lua_State* L);
  static int call_on_return(lua_State* L);
  void run_task(lua_State* T, int thread_ref, int nargs, const OnReturn& on_return,
                StackCharge* stack);
  // Charges the calling task's stack down to here (see StackCharge).
  static void note_stack(TaskCtx* t) noexcept;
  std::shared_ptr<StackCharge> charge_stack(lua_State* L);
  void install_hooks();
  std::uint32_t load_error_line(lua_State* T, const std::string& source,
                                const std::string& message);

  const RunOptions options_;
  const std::string chunkname_;
  const std::string chunk_source_;  // "@" + chunkname_: the scenario's frames in lua_Debug
  sim::Runtime& rt_;
  lua_State* L_ = nullptr;
  Gil gil_;
  // Everything below is guarded by gil_ (or used before/after the run, single-threaded).
  std::shared_ptr<sim::MemoryBudget> budget_;  // options_.budget (never null)
  std::size_t mem_used_ = 0;      // bytes allocated by Lua (the pool's: its chunks, whole)
  LuaPool pool_;                  // Lua's small blocks (destroyed after L_ is closed)
  std::size_t mem_reserved_ = 0;  // bytes charged to budget_ for them (>= mem_used_, in steps)
  bool mem_exceeded_ = false;     // mem_used_ went past options_.memory_cap
  std::uint32_t mem_line_ = 0;    // the line of the first allocation refused (0: none yet)
  std::string stop_message_;      // the first limit or fatal error; ends the run as Error
  // When the run must have ended by the wall clock (options_.config.max_wall), and the CPU time
  // its tasks have used (against options_.config.max_cpu): checked while Lua runs, at every API
  // call, hook and charge of C work (check_time). Each task adds its thread's CPU time at most
  // every few milliseconds of wall time and when it ends (add_cpu).
  std::chrono::steady_clock::time_point wall_deadline_;
  sim::Nanos cpu_used_ = 0;
  void check_time(lua_State* L);
  void add_cpu(TaskCtx& t);
  std::string running() const;  // "; task N was running", for a limit's message
  // "; it looks like a busy-wait: …", in the words of the program's language (Lua or Go).
  const char* busy_wait_hint() const;
  int exit_status_ = -1;  // exit_run's status, when that was the stop
  std::vector<std::string> output_;
  std::vector<std::string> errput_;  // the lines of the error stream
  std::size_t output_bytes_ = 0;  // of output_ and errput_, newlines counted (charged to budget_)
  // Variables (options_.track_vars), guarded by gil_ too.
  std::set<std::uint32_t> go_init_lines_;  // see go_assignments
  AssignmentsByLine assigns_;  // of the script: names each line assigns (script/assignments.h)
  // A Go program's functions by line, for its tracebacks (set as its chunk loads, before any
  // other task starts; read by the tasks' message handlers).
  GoFuncs go_funcs_;
  // lua_upvalueid of each upvalue a task function captured -> its key (VarSet's aux), in the
  // order they were first captured.
  std::unordered_map<const void*, std::uint32_t> captures_;
  struct Alias {  // a spawning frame's local that a task captured
    sim::TaskId task = 0;
    const void* frame = nullptr;  // lua_Debug::i_ci
    std::string name;
    std::uint32_t key = 0;
  };
  std::vector<Alias> aliases_;
  std::unordered_set<std::string> builtin_globals_;  // names the API and stdlib define
  std::uint64_t var_events_ = 0;                     // VarSet events emitted
};

}  // namespace rdv::script
