#include "sim/event.h"

#include <array>

namespace rdv::sim {
namespace {

// Stable names: these strings are written to trace files, so never rename one.
constexpr std::array<const char*, static_cast<std::size_t>(EventKind::Count_)> kKindNames = {
    "TaskSpawn",  "TaskRun",   "TaskYield",   "TaskBlock",  "TaskUnblock", "TaskExit",
    "ChanMake",   "ChanSend",  "ChanRecv",    "ChanClose",  "SelectCase",  "SelectChoose",
    "TimerMake",  "TimerFire", "TimerStop",   "WgMake",     "WgAdd",       "WgWait",
    "MutexMake",  "MutexLock", "MutexUnlock", "AtomicMake", "AtomicAdd",   "AtomicLoad",
    "CtxMake",    "CtxCancel", "FutureMake",  "FutureSet",  "FutureFail",  "GroupMake",
    "GroupError", "Print",     "Note",        "Panic",      "Recover",     "Deadlock",
    "Leak",       "RunEnd",    "VarSet",      "TaskAt",
};

constexpr std::array<const char*, 7> kOutcomeNames = {"running", "ok",    "deadlock", "panic",
                                                      "leak",    "error", "aborted"};

}  // namespace

const char* to_string(EventKind k) noexcept {
  const auto i = static_cast<std::size_t>(k);
  return i < kKindNames.size() ? kKindNames[i] : "?";
}

const char* to_string(BlockReason r) noexcept {
  switch (r) {
    case BlockReason::None:
      return "none";
    case BlockReason::ChanSend:
      return "chan send";
    case BlockReason::ChanRecv:
      return "chan receive";
    case BlockReason::Select:
      return "select";
    case BlockReason::WaitGroup:
      return "WaitGroup.Wait";
    case BlockReason::Mutex:
      return "Mutex.Lock";
    case BlockReason::RLock:
      return "RWMutex.RLock";
    case BlockReason::Future:
      return "future";
    case BlockReason::Sleep:
      return "sleep";
    case BlockReason::Forever:
      return "forever";
    case BlockReason::SelectNoCases:
      return "select (no cases)";
    case BlockReason::ChanSendNil:
      return "chan send (nil chan)";
    case BlockReason::ChanRecvNil:
      return "chan receive (nil chan)";
  }
  return "?";
}

const char* to_string(Outcome o) noexcept {
  const auto i = static_cast<std::size_t>(o);
  return i < kOutcomeNames.size() ? kOutcomeNames[i] : "?";
}

bool parse_event_kind(std::string_view s, EventKind* out) noexcept {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (s == kKindNames[i]) {
      *out = static_cast<EventKind>(i);
      return true;
    }
  }
  return false;
}

bool parse_outcome(std::string_view s, Outcome* out) noexcept {
  for (std::size_t i = 0; i < kOutcomeNames.size(); ++i) {
    if (s == kOutcomeNames[i]) {
      *out = static_cast<Outcome>(i);
      return true;
    }
  }
  return false;
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
