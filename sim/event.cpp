#include "sim/event.h"

#include "sim/enum_table.h"

namespace rdv::sim {
namespace {

// Stable names: these strings are written to trace files, so never rename one.
constexpr auto kKindNames =
    enum_table<EventKind, const char*, static_cast<std::size_t>(EventKind::Count_)>({
        "TaskSpawn",  "TaskRun",       "TaskYield",   "TaskBlock",  "TaskUnblock", "TaskExit",
        "ChanMake",   "ChanSend",      "ChanRecv",    "ChanClose",  "SelectCase",  "SelectChoose",
        "TimerMake",  "TimerFire",     "TimerStop",   "WgMake",     "WgAdd",       "WgWait",
        "MutexMake",  "MutexLock",     "MutexUnlock", "AtomicMake", "AtomicAdd",   "AtomicLoad",
        "CtxMake",    "CtxCancel",     "FutureMake",  "FutureSet",  "FutureFail",  "GroupMake",
        "GroupError", "Print",         "Note",        "Panic",      "Recover",     "Deadlock",
        "Leak",       "RunEnd",        "VarSet",      "TaskAt",     "CondMake",    "CondWait",
        "CondSignal", "CondBroadcast",
    });

constexpr auto kOutcomeNames = enum_table<Outcome, const char*, kOutcomeCount>(
    {"running", "ok", "deadlock", "panic", "leak", "error", "aborted"});

// For people (Go's words where Go has them).
constexpr auto kReasonNames = enum_table<BlockReason, const char*, kBlockReasonCount>(
    {"none", "chan send", "chan receive", "select", "WaitGroup.Wait", "Mutex.Lock", "RWMutex.RLock",
     "future", "sleep", "forever", "select (no cases)", "chan send (nil chan)",
     "chan receive (nil chan)", "sync.Cond.Wait"});

// The event kind that makes each kind of object (Count_: nothing makes ObjKind::None).
constexpr auto kMadeBy = enum_table<ObjKind, EventKind, kObjKindCount>(
    {EventKind::Count_, EventKind::ChanMake, EventKind::TimerMake, EventKind::WgMake,
     EventKind::MutexMake, EventKind::AtomicMake, EventKind::CtxMake, EventKind::FutureMake,
     EventKind::GroupMake, EventKind::CondMake});

}  // namespace

const char* to_string(EventKind k) noexcept {
  return kKindNames.at(k, "?");
}

ObjKind made_object(EventKind k) noexcept {
  ObjKind made = ObjKind::None;
  kMadeBy.find(k, &made);
  return made;
}

const char* to_string(BlockReason r) noexcept {
  return kReasonNames.at(r, "?");
}

const char* to_string(Outcome o) noexcept {
  return kOutcomeNames.at(o, "?");
}

bool parse_event_kind(std::string_view s, EventKind* out) noexcept {
  return kKindNames.find(s, out);
}

bool parse_outcome(std::string_view s, Outcome* out) noexcept {
  return kOutcomeNames.find(s, out);
}

void Val::set(std::string_view v) noexcept {
  if (v.empty()) {  // v.data() may be null: memcpy must not see it
    s[0] = 0;
    return;
  }
  if (v.size() < kCap) {
    std::memcpy(s, v.data(), v.size());
    s[v.size()] = 0;
    return;
  }
  // Keep room for "…" (3 bytes) and the NUL; cut at a UTF-8 character boundary.
  std::size_t n = kCap - 4;
  while (n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
  std::memcpy(s, v.data(), n);
  std::memcpy(s + n, "\xE2\x80\xA6", 3);
  s[n + 3] = 0;
}

}  // namespace rdv::sim
