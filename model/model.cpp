// The model: one function, apply(), turns an event into a state change; everything else is
// bookkeeping around it.
//
// Invariants:
//  - the Index only grows; an id's dense index never changes, so a State made at any point
//    (and every snapshot) resolves ids through the same Index;
//  - replaying events [snapshot.applied, n) onto a copy of a snapshot gives exactly the state
//    ingest had after n events, because apply() is deterministic and reads nothing but the
//    State, the event, the Index and (for arrows, with record only) the stored events;
//  - timeline data is written only by ingest (record == true), in seq order.
//
// Robustness: a live stream is trusted less than a validated trace. Events naming unknown tasks
// or objects, wake-ups of tasks not parked, unlocks of free mutexes: each is ignored or applied
// as far as it makes sense, never an assert.
#include "model/model.h"

#include "sim/enum_table.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace rdv::model {
namespace {

using sim::Event;
using sim::EventKind;

constexpr std::uint32_t kFlatMax = 1u << 20;
// Snapshots: at least this many events apart, and at most ~this many bytes per event overall,
// so a run with a huge state (10,000 tasks) takes snapshots less often.
constexpr std::size_t kMinSnapshotInterval = 4096;
constexpr std::size_t kSnapshotBytesPerEvent = 24;

template <class V>
void erase_task(std::vector<V>& v, TaskId t) {
  const auto it = std::find_if(v.begin(), v.end(), [&](const V& w) {
    if constexpr (std::is_same_v<V, TaskId>) {
      return w == t;
    } else {
      return w.task == t;
    }
  });
  if (it != v.end()) v.erase(it);
}

std::uint16_t sat16(std::size_t n) {
  return static_cast<std::uint16_t>(std::min<std::size_t>(n, 0xFFFF));
}

constexpr auto kTaskStateNames = enum_table<TaskState, const char*, kTaskStateCount>(
    {"runnable", "running", "blocked", "sleeping", "done", "panicked"});
constexpr auto kFutureStateNames =
    enum_table<FutureState, const char*, kFutureStateCount>({"pending", "resolved", "failed"});

template <class T>
std::size_t vec_bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

const char* to_string(TaskState s) noexcept {
  return kTaskStateNames.at(s, "?");
}

const char* to_string(FutureState s) noexcept {
  return kFutureStateNames.at(s, "?");
}

// ---- Index and State lookups ------------------------------------------------------------------

std::int64_t Index::task(TaskId id) const noexcept {
  if (id < task_flat.size()) return task_flat[id];
  const auto it = task_big.find(id);
  return it == task_big.end() ? -1 : it->second;
}

ObjRef Index::object(ObjId id) const noexcept {
  if (id < obj_flat.size()) return obj_flat[id];
  const auto it = obj_big.find(id);
  return it == obj_big.end() ? ObjRef{} : it->second;
}

namespace {
template <class T>
const T* find_obj(const Index* index, const std::vector<T>& v, ObjId id, ObjType want) {
  if (!index || id == 0) return nullptr;
  const ObjRef r = index->object(id);
  return r.type == want && r.index < v.size() ? &v[r.index] : nullptr;
}
template <class T>
T* find_obj(const Index* index, std::vector<T>& v, ObjId id, ObjType want) {
  return const_cast<T*>(find_obj(index, std::as_const(v), id, want));
}
TaskInfo* find_task(const Index* index, std::vector<TaskInfo>& v, TaskId id) {
  if (!index || id == 0) return nullptr;
  const std::int64_t i = index->task(id);
  return i >= 0 && static_cast<std::size_t>(i) < v.size() ? &v[static_cast<std::size_t>(i)]
                                                          : nullptr;
}
}  // namespace

const TaskInfo* State::task(TaskId id) const noexcept {
  return find_task(index_.p, const_cast<std::vector<TaskInfo>&>(tasks), id);
}
const ChannelInfo* State::channel(ObjId id) const noexcept {
  return find_obj(index_.p, channels, id, ObjType::Chan);
}
const WaitGroupInfo* State::waitgroup(ObjId id) const noexcept {
  return find_obj(index_.p, waitgroups, id, ObjType::WaitGroup);
}
const MutexInfo* State::mutex(ObjId id) const noexcept {
  return find_obj(index_.p, mutexes, id, ObjType::Mutex);
}
const CondInfo* State::cond(ObjId id) const noexcept {
  return find_obj(index_.p, conds, id, ObjType::Cond);
}
const AtomicInfo* State::atomic(ObjId id) const noexcept {
  return find_obj(index_.p, atomics, id, ObjType::Atomic);
}
const FutureInfo* State::future(ObjId id) const noexcept {
  return find_obj(index_.p, futures, id, ObjType::Future);
}
const ContextInfo* State::context(ObjId id) const noexcept {
  return find_obj(index_.p, contexts, id, ObjType::Context);
}
const TimerInfo* State::timer(ObjId id) const noexcept {
  return find_obj(index_.p, timers, id, ObjType::Timer);
}
const GroupInfo* State::group(ObjId id) const noexcept {
  return find_obj(index_.p, groups, id, ObjType::Group);
}

const VarInfo* State::var(sim::VarScope scope, TaskId owner, std::uint32_t key,
                          StrId name) const noexcept {
  for (const VarInfo& v : vars) {
    if (v.scope != scope) continue;
    if (scope == sim::VarScope::Shared
            ? v.key == key
            : v.name == name && (scope == sim::VarScope::Global || v.owner == owner)) {
      return &v;
    }
  }
  return nullptr;
}

std::size_t State::bytes() const noexcept {
  std::size_t n = sizeof(State) + vec_bytes(vars) + vec_bytes(tasks) + vec_bytes(waitgroups) +
                  vec_bytes(mutexes) + vec_bytes(conds) + vec_bytes(atomics) + vec_bytes(futures) +
                  vec_bytes(contexts) + vec_bytes(timers) + vec_bytes(groups) + vec_bytes(channels);
  for (const TaskInfo& t : tasks) n += vec_bytes(t.cases);
  for (const ChannelInfo& c : channels) {
    n += c.buffer.size() * sizeof(Slot) + 512 + vec_bytes(c.sendq) + vec_bytes(c.recvq) +
         vec_bytes(c.selects);
  }
  for (const WaitGroupInfo& w : waitgroups) n += vec_bytes(w.waiters);
  for (const MutexInfo& m : mutexes) n += vec_bytes(m.readers) + vec_bytes(m.waiters);
  for (const CondInfo& c : conds) n += vec_bytes(c.waiters);
  for (const FutureInfo& f : futures) n += vec_bytes(f.waiters);
  return n;
}

// ---- Model ----------------------------------------------------------------------------------

Model::Model() : index_(std::make_unique<Index>()), head_(std::make_unique<State>()) {
  head_->index_.p = index_.get();
  snapshots_.push_back(*head_);
  next_snapshot_ = kMinSnapshotInterval;
}

Model::Model(trace::Trace&& trace) : Model() {
  header_ = std::move(trace.header);
  footer_ = std::move(trace.footer);
  strings_ = std::move(trace.strings);
  events_ = std::move(trace.events);
  for (std::size_t i = 0; i < events_.size(); ++i) {
    events_[i].seq = i;
    if (i > 0 && events_[i].t < events_[i - 1].t) events_[i].t = events_[i - 1].t;
    ingest_last_at(i);
  }
}

Model::~Model() = default;

void Model::append(const sim::Event& e, std::string_view text) {
  sim::Event copy = e;
  copy.seq = events_.size();
  copy.text = strings_.intern(text);
  if (!events_.empty() && copy.t < events_.back().t) copy.t = events_.back().t;
  // A live run past 64 Ki events is a long one: room for the rest of its event limit (up to
  // 1 Mi events) is made now, in one move of 64 Ki events, rather than by doublings that move
  // half a million events in one frame (200 ms in a debug build). Untouched room costs
  // address space, not memory.
  if (events_.size() == kGrowAt && events_.capacity() <= kGrowAt) {
    events_.reserve(static_cast<std::size_t>(
        std::clamp<std::uint64_t>(header_.max_events + 8, kGrowAt * 2, kReserveMax)));
  }
  events_.push_back(copy);
  ingest_last_at(events_.size() - 1);
}

void Model::ingest_last_at(std::size_t i) {
  const Event& e = events_[i];
  Index& ix = *index_;
  // 1. Introduce new ids in the Index (first introduction wins; duplicates are ignored).
  if (e.kind == EventKind::TaskSpawn && e.task != 0 && ix.task(e.task) < 0) {
    const auto dense = static_cast<std::int32_t>(ix.task_ids.size());
    if (e.task < kFlatMax) {
      if (e.task >= ix.task_flat.size()) {
        ix.task_flat.resize(std::max<std::size_t>(e.task + 1, ix.task_flat.size() * 2), -1);
      }
      ix.task_flat[e.task] = dense;
    } else {
      ix.task_big[e.task] = dense;
    }
    ix.task_ids.push_back(e.task);
    ix.task_names.push_back(e.text);
    ix.task_labels.push_back(e.text);
    if (e.text != 0) {
      const auto [first, fresh] = ix.first_named.try_emplace(e.text, dense);
      if (!fresh) {
        // A second task with this name: both (and every later one) show their number.
        const auto label = [&](std::int32_t d) {
          const std::size_t k = static_cast<std::size_t>(d);
          ix.task_labels[k] = strings_.intern(std::string(strings_.str(e.text)) + " (goroutine " +
                                              std::to_string(ix.task_ids[k]) + ")");
        };
        if (ix.task_labels[static_cast<std::size_t>(first->second)] == e.text) label(first->second);
        label(dense);
      }
    }
    segments_.emplace_back();
  }
  if (const ObjType type = sim::made_object(e.kind);
      type != ObjType::None && e.obj != 0 && ix.object(e.obj).type == ObjType::None) {
    const ObjRef ref{type, ix.made[static_cast<std::size_t>(type)]++, e.text, e.seq};
    if (e.obj < kFlatMax) {
      if (e.obj >= ix.obj_flat.size()) {
        ix.obj_flat.resize(std::max<std::size_t>(e.obj + 1, ix.obj_flat.size() * 2));
      }
      ix.obj_flat[e.obj] = ref;
    } else {
      ix.obj_big[e.obj] = ref;
    }
    if (type == ObjType::Chan) chan_series_.emplace_back();
  }
  // 2. A parked sender completing: give its queue entry the value it held (see backfill_send).
  if (e.kind == EventKind::ChanSend || e.kind == EventKind::TaskBlock) backfill_send(e);
  // 3. Apply, recording the timeline data.
  apply(*head_, e, true);
  // 4. A snapshot when enough events have passed for its size.
  if (head_->applied >= next_snapshot_) {
    snapshots_.push_back(*head_);
    const std::size_t interval =
        std::max(kMinSnapshotInterval, head_->bytes() / kSnapshotBytesPerEvent);
    next_snapshot_ = head_->applied + interval;
  }
}

// The runtime may park a sender without saying what it holds (TaskBlock with an empty val); the
// value appears only with its ChanSend, when the send completes (just before or just after the
// sender's TaskUnblock). Then the value is written back where the wait began: into the
// TaskBlock event (so states rebuilt from earlier snapshots see it) and into the sendq entry of
// every snapshot taken while it waited. A live view shows the value from the moment the send
// completes; a loaded trace shows it for the whole wait.
void Model::backfill_send(const Event& e) {
  const std::int64_t dense = index_->task(e.task);
  if (dense < 0) return;
  const auto ti = static_cast<std::size_t>(dense);
  if (ti >= pending_send_.size()) pending_send_.resize(ti + 1, sim::kNoSeq);
  Seq& pending = pending_send_[ti];
  if (e.kind == EventKind::TaskBlock) {
    // Remember a send that parked without its value; any other park ends the wait for one.
    pending = e.reason == BlockReason::ChanSend && e.val.empty() ? e.seq : sim::kNoSeq;
    return;
  }
  if (pending == sim::kNoSeq || e.val.empty()) return;
  const Seq since = pending;
  pending = sim::kNoSeq;
  Event& block = events_[static_cast<std::size_t>(since)];
  if (block.obj != e.obj) return;
  block.val = e.val;
  const auto patch = [&](State& st) {
    if (ChannelInfo* c = find_obj(index_.get(), st.channels, e.obj, ObjType::Chan)) {
      for (Waiter& x : c->sendq) {
        if (x.task == e.task && x.since == since) x.val = e.val;
      }
    }
  };
  patch(*head_);
  for (auto it = snapshots_.rbegin(); it != snapshots_.rend() && it->applied > since; ++it) {
    patch(*it);
  }
}

namespace {

// A number as the script layer shows one ("4", "-2", "0.5", "1e+06").
bool is_number(std::string_view v) {
  if (v.empty()) return false;
  char* end = nullptr;
  const std::string s(v);
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

void Model::apply_var(State& s, const sim::Event& e, bool record) const {
  const auto scope = static_cast<sim::VarScope>(e.arg);
  const auto key = static_cast<std::uint32_t>(e.aux);
  const VarWrite w{e.seq, e.task, e.line, e.val};
  if (record) var_writes_.push_back(static_cast<std::uint32_t>(e.seq));
  if (scope == sim::VarScope::Shared) {
    // The writer's local of that name was this variable all along (a task captured it).
    std::erase_if(s.vars, [&](const VarInfo& x) {
      return x.scope == sim::VarScope::Local && x.owner == e.task && x.name == e.text;
    });
  }
  auto* v = const_cast<VarInfo*>(s.var(scope, e.task, key, e.text));
  if (v == nullptr) {
    VarInfo fresh;
    fresh.scope = scope;
    fresh.owner = scope == sim::VarScope::Local ? e.task : 0;
    fresh.key = scope == sim::VarScope::Shared ? key : 0;
    fresh.name = e.text;
    fresh.last = w;
    fresh.writes = 1;
    s.vars.push_back(fresh);
    return;
  }
  if (scope != sim::VarScope::Local && v->last.task != e.task && v->last.val == e.val &&
      is_number(e.val.view())) {
    ++v->lost;
    v->lost_write = v->last;
    v->lost_by = w;
    if (record) lost_writes_.push_back(static_cast<std::uint32_t>(e.seq));
  }
  v->before = v->last;
  v->last = w;
  ++v->writes;
}

void Model::touch(std::uint32_t chan_index) const {
  if (std::find(touched_.begin(), touched_.end(), chan_index) == touched_.end()) {
    touched_.push_back(chan_index);
  }
}

void Model::set_state(State& s, TaskInfo& t, TaskState to, BlockReason reason, ObjId obj,
                      bool record) const {
  if (t.state == to && t.reason == reason && t.obj == obj) return;
  const auto from = static_cast<std::size_t>(t.state);
  if (s.now > t.since_t) t.spent[from] += s.now - t.since_t;
  --s.count[from];
  ++s.count[static_cast<std::size_t>(to)];
  t.state = to;
  t.reason = reason;
  t.obj = obj;
  t.since = s.applied - 1;
  t.since_t = s.now;
  if (record) {
    segments_[t.colour].push_back(
        Segment{s.now, static_cast<std::uint32_t>(s.applied - 1), obj, to, reason});
  }
}

void Model::unpark(State& s, TaskInfo& t, bool record) const {
  const Index* ix = index_.get();
  if (t.state == TaskState::Blocked) {
    switch (t.reason) {
      case BlockReason::ChanSend:
      case BlockReason::ChanRecv:
        if (ChannelInfo* c = find_obj(ix, s.channels, t.obj, ObjType::Chan)) {
          erase_task(t.reason == BlockReason::ChanSend ? c->sendq : c->recvq, t.id);
          if (record) touch(ix->object(t.obj).index);
        }
        break;
      case BlockReason::WaitGroup:
        if (auto* w = find_obj(ix, s.waitgroups, t.obj, ObjType::WaitGroup)) {
          erase_task(w->waiters, t.id);
        }
        break;
      case BlockReason::Mutex:
      case BlockReason::RLock:
        if (auto* m = find_obj(ix, s.mutexes, t.obj, ObjType::Mutex)) erase_task(m->waiters, t.id);
        break;
      case BlockReason::CondWait:
        if (auto* c = find_obj(ix, s.conds, t.obj, ObjType::Cond)) erase_task(c->waiters, t.id);
        break;
      case BlockReason::Future:
        if (auto* f = find_obj(ix, s.futures, t.obj, ObjType::Future)) erase_task(f->waiters, t.id);
        break;
      default:
        break;
    }
  }
  for (const SelectCase& c : t.cases) {
    if (ChannelInfo* ch = find_obj(ix, s.channels, c.chan, ObjType::Chan)) {
      erase_task(ch->selects, t.id);
    }
  }
  t.cases.clear();
}

namespace {

// The handlers apply() hands an event to: the families of sim/event.h.
enum class Family { Task, Channel, Select, Timer, Sync, Context, Output, Var, None };

Family family_of(EventKind k) {
  switch (k) {
    case EventKind::TaskSpawn:
    case EventKind::TaskRun:
    case EventKind::TaskYield:
    case EventKind::TaskBlock:
    case EventKind::TaskUnblock:
    case EventKind::TaskExit:
      return Family::Task;
    case EventKind::ChanMake:
    case EventKind::ChanSend:
    case EventKind::ChanRecv:
    case EventKind::ChanClose:
      return Family::Channel;
    case EventKind::SelectCase:
    case EventKind::SelectChoose:
      return Family::Select;
    case EventKind::TimerMake:
    case EventKind::TimerFire:
    case EventKind::TimerStop:
      return Family::Timer;
    case EventKind::WgMake:
    case EventKind::WgAdd:
    case EventKind::WgWait:
    case EventKind::MutexMake:
    case EventKind::MutexLock:
    case EventKind::MutexUnlock:
    case EventKind::AtomicMake:
    case EventKind::AtomicAdd:
    case EventKind::AtomicLoad:
    case EventKind::FutureMake:
    case EventKind::FutureSet:
    case EventKind::FutureFail:
    case EventKind::CondMake:
    case EventKind::CondWait:
    case EventKind::CondSignal:
    case EventKind::CondBroadcast:
      return Family::Sync;
    case EventKind::CtxMake:
    case EventKind::CtxCancel:
    case EventKind::GroupMake:
    case EventKind::GroupError:
      return Family::Context;
    case EventKind::Print:
    case EventKind::Note:
    case EventKind::Panic:
    case EventKind::Recover:
    case EventKind::Deadlock:
    case EventKind::Leak:
    case EventKind::RunEnd:
      return Family::Output;
    case EventKind::VarSet:
      return Family::Var;
    case EventKind::TaskAt:  // only a line: apply() takes it for every kind
    case EventKind::Count_:
      return Family::None;
  }
  return Family::None;
}

// The task is at the event's line (a VarSet's line is the line that wrote, which the task has
// left already); an operation's line is also its last operation's.
void take_line(TaskInfo& t, const Event& e) {
  if (e.line == 0 || e.kind == EventKind::VarSet) return;
  t.line = e.line;
  switch (e.kind) {
    case EventKind::TaskRun:
    case EventKind::TaskYield:
    case EventKind::TaskBlock:
    case EventKind::TaskUnblock:
    case EventKind::TaskAt:
      break;
    default:
      t.last_op_line = e.line;
  }
}

// Whether `e` makes the object `ref` names, as the next of `made` (the Index says which event
// made each id: a second make of one id is ignored).
template <class T>
bool makes_next(const Event& e, const ObjRef& ref, ObjType type, const std::vector<T>& made) {
  return ref.type == type && ref.index == made.size() && ref.made == e.seq;
}

}  // namespace

void Model::apply(State& s, const Event& e, bool record) const {
  s.applied = static_cast<std::size_t>(e.seq) + 1;
  s.now = e.t;
  const std::uint32_t blocked_before = s.count_of(TaskState::Blocked);
  const std::uint32_t sleeping_before = s.count_of(TaskState::Sleeping);
  if (record) touched_.clear();

  TaskInfo* actor =
      e.kind == EventKind::TaskSpawn ? nullptr : find_task(index_.get(), s.tasks, e.task);
  if (actor) take_line(*actor, e);
  switch (family_of(e.kind)) {
    case Family::Task:
      apply_task(s, e, actor, record);
      break;
    case Family::Channel:
      apply_channel(s, e, record);
      break;
    case Family::Select:
      if (actor) apply_select(s, e, *actor);
      break;
    case Family::Timer:
      apply_timer(s, e);
      break;
    case Family::Sync:
      apply_sync(s, e);
      break;
    case Family::Context:
      apply_context(s, e, record);
      break;
    case Family::Output:
      apply_output(s, e, record);
      break;
    case Family::Var:
      if (actor && e.arg >= 0 && e.arg <= static_cast<std::int64_t>(sim::VarScope::Global)) {
        apply_var(s, e, record);
      }
      break;
    case Family::None:
      break;
  }
  if (record) record_samples(s, e, blocked_before, sleeping_before);
}

void Model::apply_task(State& s, const Event& e, TaskInfo* actor, bool record) const {
  if (e.kind == EventKind::TaskSpawn) {
    spawn_task(s, e, record);
    return;
  }
  if (!actor || !actor->alive()) return;
  switch (e.kind) {
    case EventKind::TaskRun:
      set_state(s, *actor, TaskState::Running, BlockReason::None, 0, record);
      break;
    case EventKind::TaskYield:
      set_state(s, *actor, TaskState::Runnable, BlockReason::None, 0, record);
      break;
    case EventKind::TaskBlock:
      park(s, e, *actor, record);
      break;
    case EventKind::TaskUnblock: {
      // An unblock through a closed channel was caused by its close: an arrow from it.
      const ChannelInfo* chan = find_obj(index_.get(), s.channels, e.obj, ObjType::Chan);
      if (record && chan && chan->closed && chan->closed_at != sim::kNoSeq &&
          (actor->state == TaskState::Blocked)) {
        arrows_.push_back(Arrow{static_cast<std::uint32_t>(chan->closed_at),
                                static_cast<std::uint32_t>(e.seq), chan->closed_by, e.task, e.obj,
                                ArrowKind::Close});
      }
      unpark(s, *actor, record);
      set_state(s, *actor, TaskState::Runnable, BlockReason::None, 0, record);
      break;
    }
    case EventKind::TaskExit:
      unpark(s, *actor, record);
      actor->exit = static_cast<std::int8_t>(std::clamp<std::int64_t>(e.arg, 0, 2));
      set_state(s, *actor, e.arg == 1 ? TaskState::Panicked : TaskState::Done, BlockReason::None, 0,
                record);
      break;
    default:
      break;
  }
}

void Model::spawn_task(State& s, const Event& e, bool record) const {
  const Index* ix = index_.get();
  const std::int64_t dense = ix->task(e.task);
  if (dense < 0 || static_cast<std::size_t>(dense) != s.tasks.size()) return;  // duplicate
  TaskInfo t;
  t.id = e.task;
  t.parent = e.peer;
  t.name = e.text;
  t.colour = static_cast<std::uint32_t>(dense);
  t.spawned = e.seq;
  t.since = e.seq;
  t.since_t = e.t;
  // Trace format 2: the line the new task starts at (0 in a v1 trace: unknown until it runs).
  if (e.aux > 0 && e.aux <= std::numeric_limits<std::uint32_t>::max()) {
    t.line = static_cast<std::uint32_t>(e.aux);
  }
  s.tasks.push_back(std::move(t));
  ++s.count[static_cast<std::size_t>(TaskState::Runnable)];
  if (TaskInfo* parent = find_task(ix, s.tasks, e.peer); parent && e.line) {
    parent->line = e.line;
    parent->last_op_line = e.line;
  }
  if (record) {
    const auto seq32 = static_cast<std::uint32_t>(e.seq);
    segments_[static_cast<std::size_t>(dense)].push_back(
        Segment{e.t, seq32, 0, TaskState::Runnable, BlockReason::None});
    if (e.peer) arrows_.push_back(Arrow{seq32, seq32, e.peer, e.task, 0, ArrowKind::Spawn});
  }
}

void Model::park(State& s, const Event& e, TaskInfo& t, bool record) const {
  const Index* ix = index_.get();
  // A stale registration never outlives a new park (SelectCases announced for this park
  // are kept: they are not registered yet).
  if (t.state == TaskState::Blocked) unpark(s, t, record);
  if (e.reason == BlockReason::Sleep) {
    t.until = e.arg;
    set_state(s, t, TaskState::Sleeping, e.reason, 0, record);
    return;
  }
  set_state(s, t, TaskState::Blocked, e.reason, e.obj, record);
  Waiter w{e.task, e.seq, e.reason, -1, e.val};
  switch (e.reason) {
    case BlockReason::ChanSend:
    case BlockReason::ChanRecv:
      if (ChannelInfo* chan = find_obj(ix, s.channels, e.obj, ObjType::Chan)) {
        (e.reason == BlockReason::ChanSend ? chan->sendq : chan->recvq).push_back(w);
        if (record) touch(ix->object(e.obj).index);
      }
      break;
    case BlockReason::Select:
      // The cases were announced by SelectCase events just before.
      for (const SelectCase& c : t.cases) {
        if (ChannelInfo* ch = find_obj(ix, s.channels, c.chan, ObjType::Chan)) {
          ch->selects.push_back(Waiter{e.task, e.seq, c.dir, c.index, c.val});
        }
      }
      break;
    case BlockReason::WaitGroup:
      if (auto* wg = find_obj(ix, s.waitgroups, e.obj, ObjType::WaitGroup)) {
        wg->waiters.push_back(e.task);
      }
      break;
    case BlockReason::Mutex:
    case BlockReason::RLock:
      if (auto* m = find_obj(ix, s.mutexes, e.obj, ObjType::Mutex)) m->waiters.push_back(w);
      break;
    case BlockReason::CondWait:
      if (auto* c = find_obj(ix, s.conds, e.obj, ObjType::Cond)) c->waiters.push_back(e.task);
      break;
    case BlockReason::Future:
      if (auto* f = find_obj(ix, s.futures, e.obj, ObjType::Future)) f->waiters.push_back(e.task);
      break;
    default:
      break;
  }
}

void Model::apply_channel(State& s, const Event& e, bool record) const {
  const Index* ix = index_.get();
  const ObjRef ref = ix->object(e.obj);
  if (e.kind == EventKind::ChanMake) {
    if (!makes_next(e, ref, ObjType::Chan, s.channels)) return;
    ChannelInfo c;
    c.id = e.obj;
    c.name = e.text;
    c.cap = e.arg;
    c.owner = static_cast<ObjId>(e.aux);
    c.made = e.seq;
    s.channels.push_back(std::move(c));
    if (auto* ctx = find_obj(ix, s.contexts, static_cast<ObjId>(e.aux), ObjType::Context)) {
      ctx->done = e.obj;
    }
    if (record) touch(ref.index);
    return;
  }
  ChannelInfo* chan = find_obj(ix, s.channels, e.obj, ObjType::Chan);
  if (!chan) return;
  switch (e.kind) {
    case EventKind::ChanSend:
      ++chan->sends;
      chan->last_send = e.seq;
      // A parked sender completing (the receiver emitted this on its behalf) leaves sendq.
      erase_task(chan->sendq, e.task);
      if (e.peer == 0) chan->buffer.push_back(Slot{e.val, e.seq, e.task});
      break;
    case EventKind::ChanRecv:
      ++chan->recvs;
      chan->last_recv = e.seq;
      erase_task(chan->recvq, e.task);
      if (e.peer_seq != sim::kNoSeq) {
        // The value came out of the buffer if its send is there (normally the front slot);
        // otherwise it was handed over directly.
        const auto it = std::find_if(chan->buffer.begin(), chan->buffer.end(),
                                     [&](const Slot& sl) { return sl.send_seq == e.peer_seq; });
        if (it != chan->buffer.end()) chan->buffer.erase(it);
        if (record && e.peer_seq < e.seq) {
          arrows_.push_back(Arrow{
              static_cast<std::uint32_t>(e.peer_seq), static_cast<std::uint32_t>(e.seq),
              events_[static_cast<std::size_t>(e.peer_seq)].task, e.task, e.obj, ArrowKind::Send});
        }
      }
      break;
    case EventKind::ChanClose:
      if (chan->closed) return;
      chan->closed = true;
      chan->closed_at = e.seq;
      chan->closed_by = e.task;
      break;
    default:
      return;
  }
  if (record) touch(ref.index);
}

void Model::apply_select(State& s, const Event& e, TaskInfo& actor) const {
  if (e.kind == EventKind::SelectCase) {
    actor.cases.push_back(SelectCase{e.obj, e.reason, static_cast<std::int32_t>(e.arg), e.val});
  } else if (e.kind == EventKind::SelectChoose && actor.state != TaskState::Blocked) {
    for (const SelectCase& c : actor.cases) {
      if (auto* ch = find_obj(index_.get(), s.channels, c.chan, ObjType::Chan)) {
        erase_task(ch->selects, e.task);
      }
    }
    actor.cases.clear();
  }
}

void Model::apply_timer(State& s, const Event& e) const {
  const Index* ix = index_.get();
  switch (e.kind) {
    case EventKind::TimerMake:
      if (makes_next(e, ix->object(e.obj), ObjType::Timer, s.timers)) {
        s.timers.push_back(
            TimerInfo{e.obj, e.text, e.seq, static_cast<ObjId>(e.aux), e.arg, 0, false});
      }
      break;
    case EventKind::TimerFire:
      if (auto* t = find_obj(ix, s.timers, e.obj, ObjType::Timer)) ++t->fired;
      break;
    case EventKind::TimerStop:
      if (auto* t = find_obj(ix, s.timers, e.obj, ObjType::Timer)) t->stopped = true;
      break;
    default:
      break;
  }
}

void Model::apply_sync(State& s, const Event& e) const {
  const Index* ix = index_.get();
  const ObjRef ref = ix->object(e.obj);
  switch (e.kind) {
    case EventKind::WgMake:
      if (makes_next(e, ref, ObjType::WaitGroup, s.waitgroups)) {
        s.waitgroups.push_back(WaitGroupInfo{e.obj, e.text, e.seq, 0, {}});
      }
      break;
    case EventKind::WgAdd:
    case EventKind::WgWait:
      if (auto* w = find_obj(ix, s.waitgroups, e.obj, ObjType::WaitGroup)) w->counter = e.aux;
      break;
    case EventKind::MutexMake:
      if (makes_next(e, ref, ObjType::Mutex, s.mutexes)) {
        s.mutexes.push_back(MutexInfo{e.obj, e.text, e.seq, e.arg == 1, 0, {}, {}});
      }
      break;
    case EventKind::MutexLock:
      if (auto* m = find_obj(ix, s.mutexes, e.obj, ObjType::Mutex)) {
        erase_task(m->waiters, e.task);
        if (e.arg == 1) {
          m->readers.push_back(e.task);
        } else {
          m->owner = e.task;
        }
      }
      break;
    case EventKind::MutexUnlock:
      if (auto* m = find_obj(ix, s.mutexes, e.obj, ObjType::Mutex)) {
        if (e.arg == 1) {
          // Go lets another goroutine RUnlock; then drop any reader so the count stays right.
          const std::size_t before = m->readers.size();
          erase_task(m->readers, e.task);
          if (m->readers.size() == before && !m->readers.empty()) m->readers.pop_back();
        } else {
          m->owner = 0;
        }
      }
      break;
    case EventKind::CondMake:
      if (makes_next(e, ref, ObjType::Cond, s.conds)) {
        s.conds.push_back(CondInfo{e.obj,
                                   e.text,
                                   e.seq,
                                   static_cast<ObjId>(e.aux),
                                   static_cast<std::uint8_t>(e.arg),
                                   e.val,
                                   {},
                                   0,
                                   0});
      }
      break;
    case EventKind::CondSignal:
      if (auto* c = find_obj(ix, s.conds, e.obj, ObjType::Cond)) ++c->signals;
      break;
    case EventKind::CondBroadcast:
      if (auto* c = find_obj(ix, s.conds, e.obj, ObjType::Cond)) ++c->broadcasts;
      break;
    case EventKind::AtomicMake:
      if (makes_next(e, ref, ObjType::Atomic, s.atomics)) {
        s.atomics.push_back(AtomicInfo{e.obj, e.text, e.seq, e.aux});
      }
      break;
    case EventKind::AtomicAdd:
    case EventKind::AtomicLoad:
      if (auto* a = find_obj(ix, s.atomics, e.obj, ObjType::Atomic)) a->value = e.aux;
      break;
    case EventKind::FutureMake:
      if (makes_next(e, ref, ObjType::Future, s.futures)) {
        FutureInfo f;
        f.id = e.obj;
        f.name = e.text;
        f.made = e.seq;
        s.futures.push_back(std::move(f));
      }
      break;
    case EventKind::FutureSet:
    case EventKind::FutureFail:
      if (auto* f = find_obj(ix, s.futures, e.obj, ObjType::Future);
          f && f->state == FutureState::Pending) {
        f->state = e.kind == EventKind::FutureSet ? FutureState::Resolved : FutureState::Failed;
        f->value = e.val;
        f->settled = e.seq;
      }
      break;
    default:
      break;
  }
}

void Model::apply_context(State& s, const Event& e, bool record) const {
  const Index* ix = index_.get();
  const ObjRef ref = ix->object(e.obj);
  switch (e.kind) {
    case EventKind::CtxMake:
      if (makes_next(e, ref, ObjType::Context, s.contexts)) {
        ContextInfo c;
        c.id = e.obj;
        c.kind = e.text;
        c.parent = static_cast<ObjId>(e.aux);
        c.made = e.seq;
        c.deadline = e.arg;
        s.contexts.push_back(c);
      }
      break;
    case EventKind::CtxCancel:
      if (auto* c = find_obj(ix, s.contexts, e.obj, ObjType::Context); c && !c->cancelled) {
        c->cancelled = true;
        c->err = e.text;
        c->cause = e.aux ? static_cast<ObjId>(e.aux) : e.obj;
        c->cancelled_at = e.seq;
        if (record) {
          // The cascade: an arrow from the cancel that started it.
          const auto seq32 = static_cast<std::uint32_t>(e.seq);
          diagnostics_.push_back(seq32);
          const auto* origin = find_obj(ix, s.contexts, c->cause, ObjType::Context);
          if (origin && origin != c && origin->cancelled_at != sim::kNoSeq) {
            arrows_.push_back(Arrow{static_cast<std::uint32_t>(origin->cancelled_at), seq32,
                                    events_[static_cast<std::size_t>(origin->cancelled_at)].task,
                                    e.task, e.obj, ArrowKind::Cancel});
          }
        }
      }
      break;
    case EventKind::GroupMake:
      if (makes_next(e, ref, ObjType::Group, s.groups)) {
        s.groups.push_back(GroupInfo{e.obj, e.text, e.seq, static_cast<ObjId>(e.aux), false, {}});
      }
      break;
    case EventKind::GroupError:
      if (auto* g = find_obj(ix, s.groups, e.obj, ObjType::Group); g && !g->failed) {
        g->failed = true;
        g->error = e.val;
      }
      break;
    default:
      break;
  }
}

void Model::apply_output(State& s, const Event& e, bool record) const {
  const auto seq32 = static_cast<std::uint32_t>(e.seq);
  switch (e.kind) {
    case EventKind::Print:
      if (record) prints_.push_back(seq32);
      break;
    case EventKind::Note:
      if (record) notes_.push_back(seq32);
      break;
    case EventKind::Panic:
    case EventKind::Recover:
    case EventKind::Leak:
      if (record) diagnostics_.push_back(seq32);
      break;
    case EventKind::Deadlock:
      s.deadlock = e.seq;
      if (record) diagnostics_.push_back(seq32);
      break;
    case EventKind::RunEnd:
      s.outcome = e.arg >= 0 && e.arg <= static_cast<std::int64_t>(sim::Outcome::Aborted)
                      ? static_cast<sim::Outcome>(e.arg)
                      : sim::Outcome::Error;
      s.message = e.text;
      s.ended = e.seq;
      if (record) diagnostics_.push_back(seq32);
      break;
    default:
      break;
  }
}

void Model::record_samples(const State& s, const Event& e, std::uint32_t blocked_before,
                           std::uint32_t sleeping_before) const {
  const auto seq32 = static_cast<std::uint32_t>(e.seq);
  for (const std::uint32_t ci : touched_) {
    if (ci >= s.channels.size()) continue;
    const ChannelInfo& c = s.channels[ci];
    const ChanSample sample{e.t, seq32, static_cast<std::uint32_t>(c.buffer.size()),
                            sat16(c.sendq.size()), sat16(c.recvq.size())};
    auto& series = chan_series_[ci];
    if (series.empty() || series.back().len != sample.len || series.back().sendq != sample.sendq ||
        series.back().recvq != sample.recvq) {
      series.push_back(sample);
    }
  }
  if (s.count_of(TaskState::Blocked) != blocked_before ||
      s.count_of(TaskState::Sleeping) != sleeping_before) {
    counts_.push_back(
        CountSample{e.t, seq32, s.count_of(TaskState::Blocked), s.count_of(TaskState::Sleeping)});
  }
}

State Model::state_at(std::size_t n) const {
  n = std::min(n, events_.size());
  if (n == head_->applied) return *head_;
  // The last snapshot at or before n.
  const auto it = std::upper_bound(snapshots_.begin(), snapshots_.end(), n,
                                   [](std::size_t v, const State& s) { return v < s.applied; });
  State s = *std::prev(it);
  for (std::size_t i = s.applied; i < n; ++i) apply(s, events_[i], false);
  return s;
}

std::size_t Model::first_at_or_after(Nanos t) const noexcept {
  return static_cast<std::size_t>(
      std::lower_bound(events_.begin(), events_.end(), t,
                       [](const Event& e, Nanos v) { return e.t < v; }) -
      events_.begin());
}

ObjRef Model::object(ObjId id) const noexcept {
  return index_->object(id);
}

std::string Model::cond_locker(const CondInfo& c) const {
  if (c.l_kind == 3) return "nil";
  if (c.l_kind == 2) return std::string(c.l_label.view());
  std::string l(object_name(c.mutex));
  if (l.empty()) l = "#" + std::to_string(c.mutex);
  return c.l_kind == 1 ? l + " (read)" : l;
}

std::string_view Model::object_name(ObjId id) const noexcept {
  return strings_.str(index_->object(id).name);
}

std::string_view Model::task_name(TaskId id) const noexcept {
  const std::int64_t i = index_->task(id);
  return i < 0 ? std::string_view()
               : strings_.str(index_->task_labels[static_cast<std::size_t>(i)]);
}

std::int64_t Model::task_index(TaskId id) const noexcept {
  return index_->task(id);
}

std::span<const Segment> Model::segments(std::size_t task_index) const noexcept {
  return task_index < segments_.size() ? std::span<const Segment>(segments_[task_index])
                                       : std::span<const Segment>();
}

std::span<const ChanSample> Model::channel_series(std::size_t channel_index) const noexcept {
  return channel_index < chan_series_.size()
             ? std::span<const ChanSample>(chan_series_[channel_index])
             : std::span<const ChanSample>();
}

std::size_t Model::count_until(std::span<const std::uint32_t> seqs, Seq k) noexcept {
  return static_cast<std::size_t>(
      std::upper_bound(seqs.begin(), seqs.end(), k, [](Seq v, std::uint32_t s) { return v < s; }) -
      seqs.begin());
}

std::size_t Model::memory_bytes() const noexcept {
  std::size_t n = sizeof(Model) + vec_bytes(events_) + strings_.bytes() + header_.script.capacity();
  n += vec_bytes(index_->task_flat) + vec_bytes(index_->obj_flat) + vec_bytes(index_->task_ids) +
       vec_bytes(index_->task_names) + vec_bytes(index_->task_labels) +
       (index_->task_big.size() + index_->obj_big.size() + index_->first_named.size()) * 48;
  n += head_->bytes();
  for (const State& s : snapshots_) n += s.bytes();
  for (const auto& v : segments_) n += vec_bytes(v) + sizeof(v);
  for (const auto& v : chan_series_) n += vec_bytes(v) + sizeof(v);
  n += vec_bytes(arrows_) + vec_bytes(counts_) + vec_bytes(prints_) + vec_bytes(notes_) +
       vec_bytes(diagnostics_) + vec_bytes(snapshots_) + vec_bytes(var_writes_) +
       vec_bytes(lost_writes_);
  return n;
}

// ---- Cursor ---------------------------------------------------------------------------------

Cursor::Cursor(const Model& m) : model_(&m), state_(m.snapshots_.front()) {}

const State& Cursor::seek(std::size_t n) {
  const Model& m = *model_;
  n = std::min(n, m.size());
  if (n == state_.applied) return state_;
  const auto it = std::upper_bound(m.snapshots_.begin(), m.snapshots_.end(), n,
                                   [](std::size_t v, const State& s) { return v < s.applied; });
  const State& snap = *std::prev(it);
  // Forward from here unless the snapshot is closer (or we must go back).
  if (n < state_.applied || snap.applied > state_.applied) state_ = snap;
  for (std::size_t i = state_.applied; i < n; ++i) m.apply(state_, m.events_[i], false);
  return state_;
}

}  // namespace rdv::model
