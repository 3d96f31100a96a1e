// sim/event.h — the one-way contract between the runtime and everything that records or draws it.
//
// The runtime reports every sync point as an Event. The recorder writes them to a trace, the model
// (ui/model) rebuilds the state after any event from them, the UI draws only that model. A live
// run, a replay and a loaded trace therefore look the same.
//
// Invariants of a stream (the runtime keeps them, see runtime.h; the trace reader and the model
// check the first four):
//  1. seq is dense: the k-th event of a run has seq == k, starting at 0; RunEnd is the last
//     event, exactly once (EventLog::close drops anything after it).
//  2. every task is introduced by TaskSpawn and every object by its *Make event before any other
//     event names it (task 1, `main`, is spawned by the runtime with peer == 0).
//  3. for one task, TaskBlock is followed by TaskUnblock (or by the end of the run) before that
//     task emits anything else but SelectCase. Events a waker emits on the woken task's behalf
//     (the ChanRecv of a rendezvous) come right after that task's TaskUnblock.
//  4. a ChanRecv that took a value sent by a ChanSend carries that send's seq in peer_seq, so a
//     viewer can draw an arrow from each send to the receive that met it (buffered channels too).
//  5. an object's events are in the order of its changes: each is emitted with the object's
//     lock held, so replaying the stream rebuilds every object's state after every event. One
//     exception: a Mutex/RWMutex handed over to a parked waiter changed owner at the waker's
//     MutexUnlock; the waiter emits its MutexLock itself when it resumes (mutex.cpp).
//  6. a buffered channel never holds more than cap values at any point of the stream (counting
//     +1 for a ChanSend with peer == 0, -1 for a ChanRecv that took from the buffer). The one
//     place this needs care: a receive from a full buffer with a sender waiting takes the head
//     and moves that sender's value into the freed slot in one step; its ChanRecv is emitted
//     before the sender's ChanSend (Channel::recv_locked), never after.
//  7. t never decreases along seq in controlled mode; in live mode readers clamp it.
//
// Lines. A task's line in the stream (the `line` of its last event that carries one, VarSet
// excepted; TaskSpawn sets the parent's line to `line` and the new task's to `aux`) is the line
// it will execute next whenever another task may run: at a TaskYield, at a TaskBlock (the line
// it is blocked on; woken, it resumes inside that call, so it stays there until it runs), at a
// TaskAt, and for a task not yet run, the first line of its function (main's is not known
// before it runs). The running task between two such points is inside the operation of its
// last event. A v1 trace has no TaskAt and no TaskSpawn aux: there a task's line is the line
// of its last event.
//
// Event is a trivially copyable value (no pointers): long text lives in the run's string table
// (EventLog::str), short value displays inline in `val`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace rdv::sim {

using TaskId = std::uint32_t;  // 1 = main; 0 = the runtime itself (a timer firing, the detector)
using ObjId = std::uint32_t;   // channels, wait groups, mutexes, conds, atomics, contexts, futures,
                               // groups share one id space, from 1; 0 = none (or the nil channel)
using Seq = std::uint64_t;     // position of an event in its run's stream
using Nanos = std::int64_t;    // virtual (controlled) or wall (live) time since the run started
using StrId = std::uint32_t;   // index in the run's string table; 0 = no text

inline constexpr Seq kNoSeq = ~Seq{0};
inline constexpr std::uint16_t kPrintStderr = 1;  // Event::flags of a Print on the error stream

// Why a task is parked. The UI maps each to a colour + shape (design.md §8).
enum class BlockReason : std::uint8_t {
  None = 0,
  ChanSend,       // obj = channel
  ChanRecv,       // obj = channel
  Select,         // obj = 0; the cases were listed by SelectCase events just before
  WaitGroup,      // obj = wait group
  Mutex,          // obj = mutex (Lock, or RWMutex.Lock)
  RLock,          // obj = rwmutex (RLock)
  Future,         // obj = future (get, or all/all_settled waiting on one of them)
  Sleep,          // obj = 0; arg = wake-up time (ns)
  Forever,        // never wakes (traces before nil channels had their own reasons)
  SelectNoCases,  // `select {}` (no cases, no default): never wakes (Go: "select (no cases)")
  ChanSendNil,    // send on a nil channel: never wakes (Go: "chan send (nil chan)")
  ChanRecvNil,    // receive from a nil channel: never wakes (Go: "chan receive (nil chan)")
  CondWait,       // obj = cond (Cond.Wait, until signalled; Go: "sync.Cond.Wait")
};
inline constexpr std::size_t kBlockReasonCount =
    static_cast<std::size_t>(BlockReason::CondWait) + 1;

// Outcome of a run, reported by RunEnd (arg) and in a trace's footer.
enum class Outcome : std::uint8_t {
  Running = 0,  // not finished (live view of a run in progress)
  Ok,           // main returned, no task left blocked or sleeping (runnable ones are listed)
  Deadlock,     // all tasks asleep, no timer pending
  Panic,        // an uncaught panic ended the run
  Leak,         // main returned with a task still blocked or sleeping (goleak would find it)
  Error,        // script error or a limit (instructions, memory, tasks, events, time)
  Aborted,      // stopped from outside (reset, window closed)
};
inline constexpr std::size_t kOutcomeCount = static_cast<std::size_t>(Outcome::Aborted) + 1;

enum class EventKind : std::uint8_t {
  // --- tasks ---------------------------------------------------------------------------------
  TaskSpawn,    // task = new task, peer = parent (0 for main), text = name, line = parent's line,
                // aux = the line the new task will start at (0 unknown; always 0 in v1 traces)
  TaskRun,      // task got the CPU: first run, after an unblock, or after a yield (controlled)
  TaskYield,    // controlled: the policy preempted task at a sched point; it stays runnable
  TaskBlock,    // task parks; reason, obj; arg = wake time for Sleep
  TaskUnblock,  // task made runnable; peer = the task that woke it (0 = timer/runtime), obj = via
  TaskExit,     // task finished; arg: 0 returned, 1 panicked (uncaught), 2 aborted by teardown
  // --- channels ------------------------------------------------------------------------------
  ChanMake,   // obj, arg = capacity, text = name, aux = owner object (ctx of done(), 0)
  ChanSend,   // task = sender, obj, val; peer = receiver when handed directly (0 = into buffer)
  ChanRecv,   // task = receiver, obj, val; peer = sender (0 = none), peer_seq = the ChanSend it
              // took (kNoSeq for the zero value of a closed channel), arg = ok (1/0)
  ChanClose,  // task, obj
  // --- select --------------------------------------------------------------------------------
  SelectCase,    // emitted only when a select is about to block, once per case: obj = channel
                 // (0 = nil), reason = ChanSend/ChanRecv, arg = case index, val = value to send
  SelectChoose,  // select finished: arg = chosen case index, -1 = default; obj = its channel
  // --- time ----------------------------------------------------------------------------------
  TimerMake,  // obj = timer, aux = its channel, arg = duration/period ns, text = "after"/"ticker"
  TimerFire,  // task = 0, obj = timer
  TimerStop,  // obj = timer
  // --- sync ----------------------------------------------------------------------------------
  WgMake,       // obj, text = name
  WgAdd,        // obj, arg = delta, aux = counter after
  WgWait,       // obj, aux = counter at entry (blocks via TaskBlock when > 0)
  MutexMake,    // obj, arg = 1 for an RWMutex, text = name
  MutexLock,    // obj acquired; arg = 0 write, 1 read; aux = readers after
  MutexUnlock,  // obj released; arg = 0 write, 1 read; aux = readers after
  AtomicMake,   // obj, aux = initial value, text = name
  AtomicAdd,    // obj, arg = delta, aux = value after
  AtomicLoad,   // obj, aux = value read
  CtxMake,     // obj, aux = parent ctx (0 for background), arg = deadline ns (-1 none), text = kind
  CtxCancel,   // obj cancelled; text = err ("context canceled" / "context deadline exceeded"),
               // aux = the ctx whose cancel started this cascade (== obj for the origin)
  FutureMake,  // obj, text = name
  FutureSet,   // obj resolved with val
  FutureFail,  // obj rejected, val = error
  GroupMake,   // obj = group, aux = its context, text = name
  GroupError,  // obj = group, val = the first error (recorded once)
  // --- output and diagnostics ----------------------------------------------------------------
  Print,     // text = one line of output (tab-separated values, no newline); flags =
             // kPrintStderr: a line the program wrote to its error stream (Go's os.Stderr)
  Note,      // text = a marker for the timeline
  Panic,     // a panic was raised in task: text = message (it may still be recovered)
  Recover,   // pcall caught the panic raised in task: text = message
  Deadlock,  // task = 0: all tasks asleep; blocked tasks are listed by the model's state
  Leak,      // task still alive when main returned (the program ended without it): reason =
             // what it waits on (None: runnable), obj
  RunEnd,    // task = 0, arg = Outcome, text = diagnostic message (Go's words), last event
  // --- variables (only when the run tracks them: script::RunOptions::track_vars) -------------
  VarSet,  // task wrote a variable: text = its name, val = the value written, line = the line
           // of the write, arg = VarScope; aux = the variable's key when Shared (the same key
           // for every task that captured it), 0 otherwise
  // --- lines (trace format 2; never in a v1 trace) ---------------------------------------------
  TaskAt,  // task reached a scheduling point (where another task may run) at `line`, the line it
           // executes next: the operation it is about to perform. Emitted only when that line is
           // not the line of the task's last event (see "Lines" below)
  // --- sync.Cond (after the others: the numbering of the kinds above stays as it was) --------
  CondMake,       // obj, text = name; Go's L: arg = its kind (sim::CondLocker: 0 a Mutex or an
                  // RWMutex's write side, 1 an RWMutex's read side, 2 a Locker of the program,
                  // 3 nil), aux = its Mutex/RWMutex (0 for kinds 2 and 3), val = kind 2's type
  CondWait,       // task queued itself in Wait (it unlocks L next); aux = waiters queued after
  CondSignal,     // obj; peer = the task notified (0: nobody waited), aux = waiters left
  CondBroadcast,  // obj; arg = tasks notified
  Count_,
};

// What a *Make event makes (invariant 2): the one list of which event kinds introduce an object,
// read by the runtime (object names), the trace reader (checking), the model and the Perfetto
// export.
enum class ObjKind : std::uint8_t {
  None = 0,  // not an object (an event kind that makes none, an id never made)
  Chan,
  Timer,
  WaitGroup,
  Mutex,  // Mutex or RWMutex
  Atomic,
  Context,
  Future,
  Group,
  Cond,
};
inline constexpr std::size_t kObjKindCount = static_cast<std::size_t>(ObjKind::Cond) + 1;
// The kind of object an event of kind k makes: ObjKind::None unless k is a *Make kind.
ObjKind made_object(EventKind k) noexcept;
inline bool makes_object(EventKind k) noexcept {
  return made_object(k) != ObjKind::None;
}

const char* to_string(EventKind) noexcept;    // "TaskSpawn" ... (stable: used in traces)
const char* to_string(BlockReason) noexcept;  // "chan send", "select", ... (for people)
const char* to_string(Outcome) noexcept;      // "ok", "deadlock", "panic", "leak", "error", ...
bool parse_event_kind(std::string_view, EventKind*) noexcept;
bool parse_outcome(std::string_view, Outcome*) noexcept;

// Where a variable written by VarSet lives, as the Variables pane groups them.
enum class VarScope : std::uint8_t {
  Local = 0,   // a local of the writing task, or an upvalue only its function captured
  Shared = 1,  // an upvalue captured by the functions of two or more tasks (aux = its key)
  Global = 2,  // a global the script made
};

// A short display of a value (what the UI shows in a channel slot). UTF-8, NUL-terminated,
// truncated at a character boundary with "…" when longer than fits.
struct Val {
  static constexpr std::size_t kCap = 40;
  char s[kCap] = {};

  Val() = default;
  explicit Val(std::string_view v) noexcept { set(v); }
  void set(std::string_view v) noexcept;  // truncates with "…"
  std::string_view view() const noexcept { return {s, std::strlen(s)}; }
  bool empty() const noexcept { return s[0] == 0; }
  friend bool operator==(const Val& a, const Val& b) noexcept { return std::strcmp(a.s, b.s) == 0; }
};

struct Event {
  Seq seq = 0;
  Nanos t = 0;
  TaskId task = 0;  // the actor, or the task the event is about
  EventKind kind = EventKind::Note;
  BlockReason reason = BlockReason::None;
  std::uint16_t flags = 0;  // Print: kPrintStderr for a line of the error stream; else 0
  ObjId obj = 0;
  TaskId peer = 0;
  std::uint32_t line = 0;  // script line (1-based), 0 = unknown
  std::int64_t arg = 0;
  std::int64_t aux = 0;
  Seq peer_seq = kNoSeq;
  StrId text = 0;
  Val val;

  friend bool operator==(const Event&, const Event&) noexcept = default;
};
static_assert(std::is_trivially_copyable_v<Event>);

}  // namespace rdv::sim
