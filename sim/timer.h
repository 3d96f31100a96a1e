// sim/timer.h — Go's time.After and time.Ticker on the runtime's timers (sleep and now are
// Runtime::sleep/now).
//
// Time is virtual in controlled mode (it jumps to the earliest timer only when no task can run,
// as testing/synctest does; timers due at the same time fire in creation order) and scaled wall
// time in live mode (RunConfig::time_scale). Timer callbacks run in timer context: task 0.
//  - after(d): a channel of capacity 1, named like "after(2s)" (in a Go program "time.After(2s)",
//    "time.Ticker(1s)", "time.Timer(1s)": the `call` argument), to which the timer sends the
//    time once (Value{now, ValueKind::Time}). Events: TimerMake (obj = timer, aux = channel,
//    arg = d, text "after"), then TimerFire (task 0) and the ChanSend.
//  - ticker(d): a channel of capacity 1 that gets the time every d; a tick nobody took is
//    dropped (Go's ticker). stop() ends it (TimerStop); a stopped ticker's channel stays open.
//    A running ticker is a pending timer: the run does not deadlock while it ticks. Dropping the
//    last reference stops it at its next tick.
//  - timer(d): Go's time.NewTimer: a channel of capacity 1 that gets the time once, after d,
//    unless stop() comes first (it then returns true, as Timer.Stop does; false when the timer
//    had fired or been stopped). reset(d) re-arms it on the same channel (true when it was still
//    pending) without draining a value already sent, as Go 1.19's Timer.Reset. Each arming is a
//    timer object of its own in the event stream (TimerMake, aux = the shared channel, text
//    "timer"), so a stop or a fire always names the arming it ends.
//
// Example:
//   auto timeout = after(rt, 2 * kSecond);
//   SelectCase cs[] = {SelectCase::recv(results.get()), SelectCase::recv(timeout.get())};
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "sim/channel.h"
#include "sim/lock.h"

namespace rdv::sim {

inline constexpr Nanos kMillisecond = 1'000'000;
inline constexpr Nanos kSecond = 1'000'000'000;

// Go's Duration.String for the common cases: "2s", "1.5s", "300ms", "20µs", "5ns", "1m30s".
std::string format_duration(Nanos d);

// `call` names the channel ("after(2s)"); a Go program's is "time.After" ("time.After(2s)").
std::shared_ptr<Channel> after(Runtime& rt, Nanos d, std::string_view call = "after");

class Ticker {
 public:
  // Use ticker(); period > 0.
  Ticker(Runtime& rt, Nanos period, std::string_view call);
  Ticker(const Ticker&) = delete;
  Ticker& operator=(const Ticker&) = delete;

  std::shared_ptr<Channel> channel() const { return ch_; }
  ObjId id() const noexcept { return id_; }
  void stop();  // idempotent

 private:
  void arm(Nanos when) RDV_REQUIRES(mu_);

  Runtime& rt_;
  const ObjId id_;
  const Nanos period_;
  std::shared_ptr<Channel> ch_;
  HostMutex mu_;  // the timer context re-arms while a task stops; before the runtime's lock
  Runtime::TimerId timer_ RDV_GUARDED_BY(mu_) = 0;  // the pending tick
  bool stopped_ RDV_GUARDED_BY(mu_) = false;
  std::weak_ptr<Ticker> self_;  // the timer callback holds only this
  friend std::shared_ptr<Ticker> ticker(Runtime&, Nanos, std::string_view);
};

// Panics "non-positive interval for NewTicker" when period <= 0 (Go's message).
std::shared_ptr<Ticker> ticker(Runtime& rt, Nanos period, std::string_view call = "ticker");

class Timer {
 public:
  // Use timer(); d <= 0 fires at once.
  Timer(Runtime& rt, Nanos d, std::string_view call);
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;

  std::shared_ptr<Channel> channel() const { return ch_; }
  bool stop();          // true when it stopped a pending timer
  bool reset(Nanos d);  // true when the timer was pending; it then fires d from now

 private:
  void arm(Nanos d) RDV_REQUIRES(mu_);

  Runtime& rt_;
  std::shared_ptr<Channel> ch_;
  HostMutex mu_;  // as Ticker's: the timer context fires while a task stops or resets
  ObjId id_ RDV_GUARDED_BY(mu_) = 0;  // the current arming
  Runtime::TimerId timer_ RDV_GUARDED_BY(mu_) = 0;
  bool pending_ RDV_GUARDED_BY(mu_) = false;
  std::weak_ptr<Timer> self_;
  friend std::shared_ptr<Timer> timer(Runtime&, Nanos, std::string_view);
};

std::shared_ptr<Timer> timer(Runtime& rt, Nanos d, std::string_view call = "timer");

}  // namespace rdv::sim
