// model/model.h — the state of a run after any event k, rebuilt from its event stream.
//
// The UI draws only this (design.md §1): a live run, a replay and a loaded trace go through the
// same Model, so they look the same. No ImGui here; headless tools and tests link it too.
//
// A Model ingests events in seq order (all at once from a trace, or a few per frame while a run
// is live) and answers const queries:
//  - State: every task (state, what it waits on, line, time spent per state), every channel
//    (buffer in ring order with the send that put each value there, queues of parked senders
//    with their values, receivers and select waiters), WaitGroups, mutexes, atomics, futures,
//    contexts, timers, groups, and the outcome, as they were after event k. Built by copying the
//    nearest snapshot at or before k (one every >= 4096 events) and applying the rest, so any k
//    is reached in bounded time, backwards as fast as forwards. Cursor keeps one State and moves
//    it cheaply (forward by applying; far or backward from a snapshot).
//  - Timeline data over the whole stream, as plain arrays in seq order (binary-searchable by seq
//    and by t): per task its state segments, arrows (send -> the receive that took its value,
//    close -> the receivers it woke, cancel -> the contexts it cancelled, spawn), per channel
//    its occupancy series, the counts of blocked and sleeping tasks, and the seqs of prints,
//    notes and diagnostics.
//
// Times: events()[i].t is clamped to never decrease (live runs may report out of order).
// Values: when the runtime parks a sender without its value (TaskBlock val empty), the model
// writes the value back into that TaskBlock and the waiting sendq entries once the ChanSend
// completes (so events()[k] may differ from the trace in that one field).
// Seqs in the timeline arrays are 32-bit (a run is capped far below 2^32 events).
// Not thread-safe: one thread appends and queries (the UI thread, polling the EventLog).
//
// Example:
//   Model m(std::move(*read_trace(path)));
//   State s = m.state_after(41);                 // after event #41
//   for (const TaskInfo& t : s.tasks) draw(m.str(t.name), t.state, t.line);
//   Cursor c(m);  c.seek(1000);  c.seek(10);     // scrubbing
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/event.h"
#include "trace/trace.h"

namespace rdv::model {

using sim::BlockReason;
using sim::Nanos;
using sim::ObjId;
using sim::Seq;
using sim::StrId;
using sim::TaskId;

// Task states, one colour each in every panel (design.md §8).
enum class TaskState : std::uint8_t {
  Runnable,  // spawned, unblocked or preempted: waiting for the scheduler
  Running,
  Blocked,   // parked: reason + obj say on what
  Sleeping,  // parked in sleep until `until`
  Done,      // returned (or aborted by teardown: exit == 2)
  Panicked,  // ended by an uncaught panic
};
inline constexpr std::size_t kTaskStateCount = 6;
const char* to_string(TaskState) noexcept;  // "runnable", "running", ...

// A select case registered while the task waits in select.
struct SelectCase {
  ObjId chan = 0;                       // 0 = nil channel (never ready)
  BlockReason dir = BlockReason::None;  // ChanSend or ChanRecv
  std::int32_t index = 0;               // case index in the select statement
  sim::Val val;                         // value to send

  friend bool operator==(const SelectCase&, const SelectCase&) = default;
};

struct TaskInfo {
  TaskId id = 0;
  TaskId parent = 0;  // 0 for main
  StrId name = 0;
  std::uint32_t colour = 0;  // identity colour index = spawn order (main = 0)
  TaskState state = TaskState::Runnable;
  BlockReason reason = BlockReason::None;  // Blocked / Sleeping: why
  ObjId obj = 0;                           // Blocked: the object (0 for select, forever)
  Nanos until = 0;                         // Sleeping: wake-up time
  // The line it executes next whenever another task may run (sim/event.h, "Lines"): a
  // runnable task's next line, a blocked task's blocking line; the running task is inside the
  // operation of its last event. 0 unknown. (A v1 trace: the line of its last event.)
  std::uint32_t line = 0;
  std::uint32_t last_op_line = 0;  // the line of its last operation (not a scheduling event)
  Seq spawned = 0;                 // seq of its TaskSpawn
  Seq since = 0;                   // seq at which it entered `state`
  Nanos since_t = 0;               // time at which it entered `state`
  std::int8_t exit = -1;           // TaskExit arg (0 returned, 1 panicked, 2 aborted)
  std::vector<SelectCase> cases;   // while in select (announced before it blocks)
  // Time spent in each state before `since_t`; use time_in() for "so far".
  std::array<Nanos, kTaskStateCount> spent{};

  // Time spent in `s` up to `now` (the State's now), the current span included.
  Nanos time_in(TaskState s, Nanos now) const noexcept {
    const auto i = static_cast<std::size_t>(s);
    return spent[i] + (state == s && now > since_t ? now - since_t : 0);
  }
  bool alive() const noexcept { return state != TaskState::Done && state != TaskState::Panicked; }

  friend bool operator==(const TaskInfo&, const TaskInfo&) = default;
};

// A value in a channel's buffer, with the send that put it there.
struct Slot {
  sim::Val val;
  Seq send_seq = 0;
  TaskId sender = 0;

  friend bool operator==(const Slot&, const Slot&) = default;
};

// A task parked on an object's queue.
struct Waiter {
  TaskId task = 0;
  Seq since = 0;                        // seq of its TaskBlock
  BlockReason dir = BlockReason::None;  // ChanSend/ChanRecv, Mutex/RLock, ...
  std::int32_t case_index = -1;         // select waiters: the case; -1 otherwise
  sim::Val val;                         // senders: the value they hold

  friend bool operator==(const Waiter&, const Waiter&) = default;
};

struct ChannelInfo {
  ObjId id = 0;
  StrId name = 0;
  std::int64_t cap = 0;
  ObjId owner = 0;  // the context whose done() this is, or 0
  Seq made = 0;
  bool closed = false;
  Seq closed_at = sim::kNoSeq;
  TaskId closed_by = 0;
  std::deque<Slot> buffer;      // ring order: front() is received next; size() == len
  std::vector<Waiter> sendq;    // parked senders, FIFO, with their values
  std::vector<Waiter> recvq;    // parked receivers, FIFO
  std::vector<Waiter> selects;  // tasks parked in a select with a case on this channel
  std::uint64_t sends = 0, recvs = 0;
  Seq last_send = sim::kNoSeq, last_recv = sim::kNoSeq;  // to highlight a hand-off at its step

  friend bool operator==(const ChannelInfo&, const ChannelInfo&) = default;
};

struct WaitGroupInfo {
  ObjId id = 0;
  StrId name = 0;
  Seq made = 0;
  std::int64_t counter = 0;
  std::vector<TaskId> waiters;  // parked in wait(), FIFO

  friend bool operator==(const WaitGroupInfo&, const WaitGroupInfo&) = default;
};

struct MutexInfo {
  ObjId id = 0;
  StrId name = 0;
  Seq made = 0;
  bool rw = false;              // an RWMutex
  TaskId owner = 0;             // write-locked by, 0 = not write-locked
  std::vector<TaskId> readers;  // read-locked by
  std::vector<Waiter> waiters;  // parked in lock (dir Mutex) or rlock (dir RLock), FIFO

  friend bool operator==(const MutexInfo&, const MutexInfo&) = default;
};

// A sync.Cond: its mutex (Go's L) and the tasks asleep in its Wait, longest first (a waiter
// between its CondWait and its TaskBlock is unlocking L and not listed yet).
struct CondInfo {
  ObjId id = 0;
  StrId name = 0;
  Seq made = 0;
  ObjId mutex = 0;               // L's Mutex or RWMutex (0: a Locker of the program, or nil)
  std::uint8_t l_kind = 0;       // L: 0 mutex (an RWMutex's write side), 1 an RWMutex's read
                                 // side, 2 a Locker of the program, 3 nil (sim::CondLocker)
  sim::Val l_label;              // kind 2: the Locker's type
  std::vector<TaskId> waiters;   // parked in Wait (BlockReason::CondWait), FIFO
  std::uint64_t signals = 0;     // Signal calls so far
  std::uint64_t broadcasts = 0;  // Broadcast calls so far

  friend bool operator==(const CondInfo&, const CondInfo&) = default;
};

struct AtomicInfo {
  ObjId id = 0;
  StrId name = 0;
  Seq made = 0;
  std::int64_t value = 0;

  friend bool operator==(const AtomicInfo&, const AtomicInfo&) = default;
};

enum class FutureState : std::uint8_t { Pending, Resolved, Failed };
inline constexpr std::size_t kFutureStateCount = static_cast<std::size_t>(FutureState::Failed) + 1;
const char* to_string(FutureState) noexcept;

struct FutureInfo {
  ObjId id = 0;
  StrId name = 0;
  Seq made = 0;
  FutureState state = FutureState::Pending;
  sim::Val value;  // Resolved: the value; Failed: the error
  Seq settled = sim::kNoSeq;
  std::vector<TaskId> waiters;  // parked in get(), all() or all_settled()

  friend bool operator==(const FutureInfo&, const FutureInfo&) = default;
};

struct ContextInfo {
  ObjId id = 0;
  StrId kind = 0;    // "background", "with_cancel", "with_timeout", ...
  ObjId parent = 0;  // 0 for a root
  Seq made = 0;
  Nanos deadline = -1;
  ObjId done = 0;  // its done() channel, once made
  bool cancelled = false;
  StrId err = 0;    // "context canceled" / "context deadline exceeded"
  ObjId cause = 0;  // the context whose cancel started the cascade (== id for the origin)
  Seq cancelled_at = sim::kNoSeq;

  friend bool operator==(const ContextInfo&, const ContextInfo&) = default;
};

struct TimerInfo {
  ObjId id = 0;
  StrId kind = 0;  // "after" / "ticker"
  Seq made = 0;
  ObjId chan = 0;
  Nanos period = 0;
  std::uint64_t fired = 0;
  bool stopped = false;

  friend bool operator==(const TimerInfo&, const TimerInfo&) = default;
};

struct GroupInfo {
  ObjId id = 0;
  StrId name = 0;
  Seq made = 0;
  ObjId ctx = 0;
  bool failed = false;
  sim::Val error;  // the first error

  friend bool operator==(const GroupInfo&, const GroupInfo&) = default;
};

// One write of a variable (a VarSet event).
struct VarWrite {
  Seq seq = sim::kNoSeq;  // kNoSeq: none
  TaskId task = 0;
  std::uint32_t line = 0;
  sim::Val val;

  friend bool operator==(const VarWrite&, const VarWrite&) = default;
};

// A variable the script wrote (script::RunOptions::track_vars), as it is after event k.
// Identity: a Local by (owner, name), a Shared by key, a Global by name.
struct VarInfo {
  sim::VarScope scope = sim::VarScope::Local;
  TaskId owner = 0;       // Local: the task it belongs to
  std::uint32_t key = 0;  // Shared: the capture's key (VarSet aux)
  StrId name = 0;
  VarWrite last;             // the write that gave it its value
  VarWrite before;           // the write before that (seq kNoSeq: none)
  std::uint32_t writes = 0;  // so far
  // A lost update (Shared and Global numbers only): a task stored the same number that another
  // task's write had just stored, so that task's update vanished — the read-modify-write of
  // `counter = counter + 1` interleaved. `lost` counts them; the last one is kept.
  std::uint32_t lost = 0;
  VarWrite lost_write;  // the write that was overwritten
  VarWrite lost_by;     // the write that overwrote it

  friend bool operator==(const VarInfo&, const VarInfo&) = default;
};

using ObjType = sim::ObjKind;  // what an id is, as its *Make event said (sim/event.h)

// Where the Model keeps an id: its type and dense index in the State's vector of that type.
struct ObjRef {
  ObjType type = ObjType::None;
  std::uint32_t index = 0;
  StrId name = 0;
  Seq made = 0;

  friend bool operator==(const ObjRef&, const ObjRef&) = default;
};

// Where each id lives: id -> dense index per type. Append-only, owned by one Model and shared
// by every State it makes (so a State stays valid when the Model is moved).
struct Index {
  std::int64_t task(TaskId id) const noexcept;  // dense index or -1
  ObjRef object(ObjId id) const noexcept;       // type None when unknown
  // Flat arrays for the usual small ids, maps for the rest (a huge id costs nothing).
  std::vector<std::int32_t> task_flat;  // TaskId -> dense index, -1 = unknown
  std::unordered_map<TaskId, std::int32_t> task_big;
  std::vector<ObjRef> obj_flat;  // ObjId -> ObjRef
  std::unordered_map<ObjId, ObjRef> obj_big;
  std::vector<TaskId> task_ids;   // dense -> TaskId
  std::vector<StrId> task_names;  // dense -> name, as spawned
  // dense -> the name the views show: the spawned name, and where two tasks share it (the
  // goroutines of one Go function are all main.main.func1) "main.main.func1 (goroutine 3)".
  std::vector<StrId> task_labels;
  std::unordered_map<StrId, std::int32_t> first_named;   // name -> first task with it (dense)
  std::array<std::uint32_t, sim::kObjKindCount> made{};  // objects made so far, per ObjType
};

class Model;

// The state after some prefix of the stream. A plain value: copy it, keep it.
struct State {
  std::size_t applied = 0;      // events applied: the state after event applied-1 (0: before any)
  Nanos now = 0;                // time of the last applied event
  std::vector<TaskInfo> tasks;  // spawn order: tasks[i].colour == i
  std::vector<ChannelInfo> channels;  // all vectors below: in order of make
  std::vector<WaitGroupInfo> waitgroups;
  std::vector<MutexInfo> mutexes;
  std::vector<CondInfo> conds;
  std::vector<AtomicInfo> atomics;
  std::vector<FutureInfo> futures;
  std::vector<ContextInfo> contexts;
  std::vector<TimerInfo> timers;
  std::vector<GroupInfo> groups;
  std::vector<VarInfo> vars;                           // in order of first write
  std::array<std::uint32_t, kTaskStateCount> count{};  // tasks per TaskState
  sim::Outcome outcome = sim::Outcome::Running;        // from RunEnd
  StrId message = 0;                                   // RunEnd's diagnostic (Go's words)
  Seq ended = sim::kNoSeq;                             // seq of RunEnd
  Seq deadlock = sim::kNoSeq;                          // seq of the Deadlock event

  // Lookups by id; null when unknown or not made yet at this point. Valid while the Model that
  // made this State lives.
  const TaskInfo* task(TaskId id) const noexcept;
  const ChannelInfo* channel(ObjId id) const noexcept;
  const WaitGroupInfo* waitgroup(ObjId id) const noexcept;
  const MutexInfo* mutex(ObjId id) const noexcept;
  const CondInfo* cond(ObjId id) const noexcept;
  const AtomicInfo* atomic(ObjId id) const noexcept;
  const FutureInfo* future(ObjId id) const noexcept;
  const ContextInfo* context(ObjId id) const noexcept;
  const TimerInfo* timer(ObjId id) const noexcept;
  const GroupInfo* group(ObjId id) const noexcept;
  // The variable a VarSet event writes (scope arg, owner = its task, key aux, name text), or null.
  const VarInfo* var(sim::VarScope scope, TaskId owner, std::uint32_t key,
                     StrId name) const noexcept;
  std::uint32_t count_of(TaskState s) const noexcept { return count[static_cast<std::size_t>(s)]; }

  std::size_t bytes() const noexcept;  // approximate heap use (snapshot budgeting)

  friend bool operator==(const State&, const State&) = default;

 private:
  friend class Model;
  // The Index the ids resolve through; not part of the value (equal states of two models
  // of the same stream compare equal).
  struct IndexRef {
    const Index* p = nullptr;
    friend bool operator==(IndexRef, IndexRef) noexcept { return true; }
  };
  IndexRef index_;
};

// ---- timeline data (whole stream) -------------------------------------------------------------

// A span of one task's life in one state. It starts at (t, seq) and ends where the next
// segment of the same task starts (the last one: at the end of the stream).
struct Segment {
  Nanos t = 0;
  std::uint32_t seq = 0;
  ObjId obj = 0;  // Blocked: on what
  TaskState state = TaskState::Runnable;
  BlockReason reason = BlockReason::None;

  friend bool operator==(const Segment&, const Segment&) = default;
};

enum class ArrowKind : std::uint8_t {
  Send,    // ChanSend (from) -> the ChanRecv that took its value (to); buffered too
  Close,   // ChanClose -> the TaskUnblock of each task it woke
  Cancel,  // the CtxCancel that started a cascade -> each CtxCancel it caused
  Spawn,   // TaskSpawn: from the parent's lane to the child's (from_seq == to_seq)
};

struct Arrow {
  std::uint32_t from_seq = 0, to_seq = 0;
  TaskId from_task = 0, to_task = 0;
  ObjId obj = 0;
  ArrowKind kind = ArrowKind::Send;

  friend bool operator==(const Arrow&, const Arrow&) = default;
};

// A channel's occupancy after event seq.
struct ChanSample {
  Nanos t = 0;
  std::uint32_t seq = 0;
  std::uint32_t len = 0;    // values in the buffer
  std::uint16_t sendq = 0;  // parked senders (saturating)
  std::uint16_t recvq = 0;  // parked receivers (saturating)

  friend bool operator==(const ChanSample&, const ChanSample&) = default;
};

// Blocked and sleeping task counts after event seq (one sample per change).
struct CountSample {
  Nanos t = 0;
  std::uint32_t seq = 0;
  std::uint32_t blocked = 0;
  std::uint32_t sleeping = 0;

  friend bool operator==(const CountSample&, const CountSample&) = default;
};

class Model {
 public:
  Model();
  // Takes the trace's events and strings (moved, not copied) and ingests them.
  explicit Model(trace::Trace&& trace);
  ~Model();
  Model(Model&&) noexcept = default;
  Model& operator=(Model&&) noexcept = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  // ---- ingest -----------------------------------------------------------------------------
  // Appends the next event of the stream; its seq is taken to be size() and its text is
  // resolved already. Never fails: events naming unknown tasks or objects change nothing.
  void append(const sim::Event& e, std::string_view text);
  // Appends the events of `log` not seen yet (a sim::EventLog: committed(), at(i), str(id)).
  template <class Log>
  std::size_t poll(const Log& log) {
    const std::size_t from = size();
    const std::size_t n = log.committed();
    for (std::size_t i = from; i < n; ++i) {
      const sim::Event& e = log.at(i);
      append(e, e.text ? log.str(e.text) : std::string_view());
    }
    return n > from ? n - from : 0;
  }
  void set_header(trace::Header h) { header_ = std::move(h); }

  // ---- the stream ---------------------------------------------------------------------------
  std::size_t size() const noexcept { return events_.size(); }
  const std::vector<sim::Event>& events() const noexcept { return events_; }
  std::string_view str(StrId id) const noexcept { return strings_.str(id); }
  std::string_view text(const sim::Event& e) const noexcept { return strings_.str(e.text); }
  const trace::StringTable& strings() const noexcept { return strings_; }
  const trace::Header& header() const noexcept { return header_; }
  const trace::Footer& footer() const noexcept { return footer_; }  // loaded traces only
  // First event with t >= `t` (size() if none): binary search.
  std::size_t first_at_or_after(Nanos t) const noexcept;

  // ---- states -------------------------------------------------------------------------------
  // - state_at(n): after the first n events (n <= size(); larger n is clamped).
  // - state_after(k): after event k, i.e. state_at(k + 1).
  State state_at(std::size_t n) const;
  State state_after(Seq k) const { return state_at(static_cast<std::size_t>(k) + 1); }
  const State& head() const noexcept { return *head_; }  // after the last event
  std::size_t snapshot_count() const noexcept { return snapshots_.size(); }

  // ---- names (never change once introduced) ---------------------------------------------------
  ObjRef object(ObjId id) const noexcept;  // type None when unknown
  std::string_view object_name(ObjId id) const noexcept;
  // A Cond's L as the views say it: its lock's name ("rw (read)" for an RWMutex's read side,
  // Go's rw.RLocker()), a Locker of the program by its type, or "nil".
  std::string cond_locker(const CondInfo& c) const;
  // The name the views show: the task's own name, with its goroutine number added where
  // another task known so far has the same name (so it can change once, when the second
  // appears; a loaded trace knows all its tasks from the start).
  std::string_view task_name(TaskId id) const noexcept;
  // Dense index of a task (its colour, its lane), or -1.
  std::int64_t task_index(TaskId id) const noexcept;

  // ---- timeline data --------------------------------------------------------------------------
  std::size_t task_count() const noexcept { return segments_.size(); }  // tasks ever spawned
  std::span<const Segment> segments(std::size_t task_index) const noexcept;
  std::span<const Arrow> arrows() const noexcept { return arrows_; }  // sorted by to_seq
  std::size_t channel_count() const noexcept { return chan_series_.size(); }
  std::span<const ChanSample> channel_series(std::size_t channel_index) const noexcept;
  std::span<const CountSample> count_series() const noexcept { return counts_; }
  std::span<const std::uint32_t> prints() const noexcept { return prints_; }  // Print seqs
  std::span<const std::uint32_t> notes() const noexcept { return notes_; }    // Note seqs
  // Panic, Recover, Deadlock, Leak, RunEnd and CtxCancel seqs: markers for the timeline.
  std::span<const std::uint32_t> diagnostics() const noexcept { return diagnostics_; }
  // VarSet seqs (every write of a variable), and those of the writes that lost an update.
  std::span<const std::uint32_t> var_writes() const noexcept { return var_writes_; }
  std::span<const std::uint32_t> lost_writes() const noexcept { return lost_writes_; }
  // How many entries of a seq list are at or before event k (lists above are sorted).
  static std::size_t count_until(std::span<const std::uint32_t> seqs, Seq k) noexcept;

  std::size_t memory_bytes() const noexcept;  // approximate, everything included

 private:
  friend struct State;
  friend class Cursor;
  void ingest_last_at(std::size_t i);  // event i was just stored
  void backfill_send(const sim::Event& e);
  // Applies `e` to `s`; with `record` (ingest only) it also extends the timeline data. It hands
  // the event to the handler of its family (sim/event.h's groups), then records the samples.
  void apply(State& s, const sim::Event& e, bool record) const;
  // The handlers. `actor` is the event's task, null when unknown (or for a TaskSpawn).
  void apply_task(State& s, const sim::Event& e, TaskInfo* actor, bool record) const;
  void spawn_task(State& s, const sim::Event& e, bool record) const;         // a TaskSpawn
  void park(State& s, const sim::Event& e, TaskInfo& t, bool record) const;  // a TaskBlock
  void apply_channel(State& s, const sim::Event& e, bool record) const;      // Chan*
  void apply_select(State& s, const sim::Event& e, TaskInfo& actor) const;   // Select*
  void apply_timer(State& s, const sim::Event& e) const;                     // Timer*
  void apply_sync(State& s, const sim::Event& e) const;  // WaitGroups, mutexes, conds, atomics, ...
  void apply_context(State& s, const sim::Event& e, bool record) const;  // contexts, groups
  void apply_output(State& s, const sim::Event& e, bool record) const;   // output, diagnostics
  // With `record`: the channels' series and the blocked/sleeping counts, where `e` changed them.
  void record_samples(const State& s, const sim::Event& e, std::uint32_t blocked_before,
                      std::uint32_t sleeping_before) const;
  void set_state(State& s, TaskInfo& t, TaskState to, BlockReason reason, ObjId obj,
                 bool record) const;
  void unpark(State& s, TaskInfo& t, bool record) const;  // off every queue it waits on
  void touch(std::uint32_t chan_index) const;
  void apply_var(State& s, const sim::Event& e, bool record) const;  // a VarSet

  static constexpr std::size_t kGrowAt = std::size_t{1} << 16;          // see append()
  static constexpr std::uint64_t kReserveMax = std::uint64_t{1} << 20;  // events
  std::vector<sim::Event> events_;
  trace::StringTable strings_;
  trace::Header header_;
  trace::Footer footer_;
  std::unique_ptr<Index> index_;
  std::vector<Seq> pending_send_;  // dense task -> its TaskBlock(ChanSend) awaiting a value
  // States.
  std::unique_ptr<State> head_;
  std::vector<State> snapshots_;   // snapshots_[i].applied increasing; [0] is the empty state
  std::size_t next_snapshot_ = 0;  // head_->applied at which to consider the next one
  // Timeline data (mutable: filled by apply(record = true) during ingest only).
  mutable std::vector<std::vector<Segment>> segments_;
  mutable std::vector<Arrow> arrows_;
  mutable std::vector<std::vector<ChanSample>> chan_series_;
  mutable std::vector<CountSample> counts_;
  mutable std::vector<std::uint32_t> prints_, notes_, diagnostics_;
  mutable std::vector<std::uint32_t> var_writes_, lost_writes_;
  mutable std::vector<std::uint32_t> touched_;  // channels changed by the event being applied
};

// One State that moves along the stream. seek() applies events forward when that is closer
// than the nearest snapshot, else restarts from the snapshot; backward moves always restart.
class Cursor {
 public:
  explicit Cursor(const Model& m);
  const State& seek(std::size_t n);  // state after the first n events (clamped to size())
  const State& seek_after(Seq k) { return seek(static_cast<std::size_t>(k) + 1); }
  const State& state() const noexcept { return state_; }

 private:
  const Model* model_;
  State state_;
};

}  // namespace rdv::model
