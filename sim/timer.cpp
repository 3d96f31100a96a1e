#include "sim/timer.h"

#include <cstdio>

namespace rdv::sim {

std::string format_duration(Nanos d) {
  if (d == 0) return "0s";
  std::string sign = d < 0 ? "-" : "";
  const auto u = static_cast<std::uint64_t>(d < 0 ? -d : d);
  // Fraction without trailing zeros: 1500000000 ns at unit 1e9 -> "1.5".
  const auto frac = [](std::uint64_t v, std::uint64_t unit) {
    std::string s = std::to_string(v / unit);
    std::uint64_t rest = v % unit;
    if (rest != 0) {
      std::string f;
      for (std::uint64_t div = unit / 10; div > 0 && rest != 0; div /= 10) {
        f += static_cast<char>('0' + rest / div);
        rest %= div;
      }
      s += "." + f;
    }
    return s;
  };
  constexpr std::uint64_t kS = 1'000'000'000;
  if (u < 1'000) return sign + std::to_string(u) + "ns";
  if (u < 1'000'000) return sign + frac(u, 1'000) + "\xC2\xB5s";
  if (u < kS) return sign + frac(u, 1'000'000) + "ms";
  if (u < 60 * kS) return sign + frac(u, kS) + "s";
  const std::uint64_t h = u / (3600 * kS);
  const std::uint64_t m = (u / (60 * kS)) % 60;
  const std::string s = frac(u % (60 * kS), kS) + "s";
  if (h == 0) return sign + std::to_string(m) + "m" + s;
  return sign + std::to_string(h) + "h" + std::to_string(m) + "m" + s;
}

namespace {

void emit_timer(Runtime& rt, EventKind k, ObjId timer, ObjId chan, Nanos arg, const char* text) {
  Event e;
  e.kind = k;
  e.obj = timer;
  e.aux = chan;
  e.arg = arg;
  if (text != nullptr) e.text = rt.intern(text);
  rt.emit(e);
}

// Sends the current time on `ch` from timer context; false when dropped.
bool send_time(Runtime& rt, Channel& ch) {
  const Nanos t = rt.now();
  return ch.try_send_from_timer(Value{static_cast<std::uint64_t>(t), ValueKind::Time},
                                Val(format_duration(t)));
}

}  // namespace

std::shared_ptr<Channel> after(Runtime& rt, Nanos d, std::string_view call) {
  auto ch = std::make_shared<Channel>(rt, 1, std::string(call) + "(" + format_duration(d) + ")");
  const ObjId id = rt.new_object_id();
  emit_timer(rt, EventKind::TimerMake, id, ch->id(), d, "after");
  rt.add_timer(rt.now() + (d > 0 ? d : 0), [&rt, ch, id] {
    emit_timer(rt, EventKind::TimerFire, id, 0, 0, nullptr);
    send_time(rt, *ch);
  });
  return ch;
}

Ticker::Ticker(Runtime& rt, Nanos period, std::string_view call)
    : rt_(rt),
      id_(rt.new_object_id()),
      period_(period),
      ch_(std::make_shared<Channel>(rt, 1,
                                    std::string(call) + "(" + format_duration(period) + ")")) {
  emit_timer(rt, EventKind::TimerMake, id_, ch_->id(), period, "ticker");
}

void Ticker::arm(Nanos when) {
  // The callback holds a weak reference: a ticker nobody holds any more stops ticking.
  timer_ = rt_.add_timer(when, [self = self_, when] {
    auto t = self.lock();
    if (t == nullptr) return;
    {
      HostLock lk(t->mu_);
      if (t->stopped_) return;
      t->arm(when + t->period_);
    }
    emit_timer(t->rt_, EventKind::TimerFire, t->id_, 0, 0, nullptr);
    send_time(t->rt_, *t->ch_);
  });
}

void Ticker::stop() {
  {
    HostLock lk(mu_);
    if (stopped_) return;
    stopped_ = true;
    rt_.cancel_timer(timer_);
  }
  emit_timer(rt_, EventKind::TimerStop, id_, 0, 0, nullptr);
}

std::shared_ptr<Ticker> ticker(Runtime& rt, Nanos period, std::string_view call) {
  if (period <= 0) rt.raise_panic("non-positive interval for NewTicker");
  auto t = std::make_shared<Ticker>(rt, period, call);
  t->self_ = t;
  HostLock lk(t->mu_);
  t->arm(rt.now() + period);
  return t;
}

Timer::Timer(Runtime& rt, Nanos d, std::string_view call)
    : rt_(rt),
      ch_(std::make_shared<Channel>(rt, 1, std::string(call) + "(" + format_duration(d) + ")")) {}

void Timer::arm(Nanos d) {
  const ObjId id = rt_.new_object_id();
  id_ = id;
  pending_ = true;
  emit_timer(rt_, EventKind::TimerMake, id, ch_->id(), d, "timer");
  timer_ = rt_.add_timer(rt_.now() + (d > 0 ? d : 0), [self = self_, id] {
    auto t = self.lock();
    if (t == nullptr) return;
    {
      HostLock lk(t->mu_);
      if (!t->pending_ || t->id_ != id) return;  // stopped, or re-armed since
      t->pending_ = false;
    }
    emit_timer(t->rt_, EventKind::TimerFire, id, 0, 0, nullptr);
    send_time(t->rt_, *t->ch_);
  });
}

bool Timer::stop() {
  ObjId id = 0;
  {
    HostLock lk(mu_);
    if (!pending_) return false;
    pending_ = false;
    rt_.cancel_timer(timer_);
    id = id_;
  }
  emit_timer(rt_, EventKind::TimerStop, id, 0, 0, nullptr);
  return true;
}

bool Timer::reset(Nanos d) {
  const bool was = stop();
  HostLock lk(mu_);
  arm(d);
  return was;
}

std::shared_ptr<Timer> timer(Runtime& rt, Nanos d, std::string_view call) {
  auto t = std::make_shared<Timer>(rt, d, call);
  t->self_ = t;
  HostLock lk(t->mu_);
  t->arm(d);
  return t;
}

}  // namespace rdv::sim
