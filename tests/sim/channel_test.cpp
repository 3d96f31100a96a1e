// Channels: every row of design.md §3's table, FIFO wait queues, buffered refill, rendezvous,
// in both modes (controlled over several seeds).
#include "sim/channel.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/event_log.h"
#include "sim/runtime.h"
#include "tests/sim/sync_testing.h"

namespace rdv::sim {
namespace {

using testing::events_of;
using testing::Ran;
using testing::run;

Val show(std::uint64_t v) {
  return Val(std::to_string(v));
}

const Mode kModes[] = {Mode::Controlled, Mode::Live};
constexpr std::uint64_t kSeeds = 8;

}  // namespace

TEST_CASE("channel: unbuffered send and recv meet (rendezvous), arrows carry the send's seq") {
  for (Mode mode : kModes) {
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      std::uint64_t got = 0;
      auto r = run(mode, seed, [&](Runtime& rt) {
        auto ch = std::make_shared<Channel>(rt, 0, "result");
        rt.go("sender", [&rt, ch] {
          rt.set_line(3);
          ch->send(Value{42}, show(42));
        });
        got = ch->recv().value.bits;
      });
      CHECK_MESSAGE(r.result.outcome == Outcome::Ok, r.result.message);
      CHECK(got == 42);
      auto sends = events_of(*r.log, EventKind::ChanSend);
      auto recvs = events_of(*r.log, EventKind::ChanRecv);
      REQUIRE(sends.size() == 1);
      REQUIRE(recvs.size() == 1);
      CHECK(recvs[0].peer_seq == sends[0].seq);
      CHECK(recvs[0].peer == sends[0].task);
      CHECK(sends[0].peer == recvs[0].task);
      CHECK(recvs[0].arg == 1);
      CHECK(recvs[0].val.view() == "42");
      CHECK(r.log->at(r.log->committed() - 1).kind == EventKind::RunEnd);
    }
  }
}

TEST_CASE("channel: buffered send blocks when full, recv refills from the first waiting sender") {
  for (Mode mode : kModes) {
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      std::vector<std::uint64_t> got;
      auto r = run(mode, seed, [&](Runtime& rt) {
        auto ch = std::make_shared<Channel>(rt, 2, "buf");
        ch->send(Value{1}, show(1));
        ch->send(Value{2}, show(2));
        CHECK(ch->len() == 2);
        CHECK(ch->cap() == 2);
        auto done = std::make_shared<Channel>(rt, 0, "done");
        rt.go("third", [&rt, ch, done] {
          ch->send(Value{3}, show(3));  // blocks: the buffer is full
          done->send(Value{1}, show(1));
        });
        // Let "third" park on sendq whatever the schedule: a receive only happens after it.
        for (int i = 0; i < 50 && ch->len() == 2; ++i) rt.sched_point();
        for (int i = 0; i < 3; ++i) got.push_back(ch->recv().value.bits);
        done->recv();
      });
      CHECK(r.result.outcome == Outcome::Ok);
      CHECK(got == std::vector<std::uint64_t>{1, 2, 3});
      // Every receive points at the send that produced its value.
      auto sends = events_of(*r.log, EventKind::ChanSend);
      auto recvs = events_of(*r.log, EventKind::ChanRecv);
      for (const Event& rv : recvs) {
        bool found = false;
        for (const Event& s : sends) found = found || (s.seq == rv.peer_seq && s.val == rv.val);
        CHECK(found);
        CHECK(rv.peer_seq < rv.seq);
      }
      // Read in order, the stream never shows the buffer holding more than its capacity: the
      // receive that frees a slot comes before the waiting sender's send that refills it.
      int held = 0, most = 0;
      for (std::size_t i = 0; i < r.log->committed(); ++i) {
        const Event& e = r.log->at(i);
        if (e.kind == EventKind::ChanSend && e.obj == 1) ++held;
        if (e.kind == EventKind::ChanRecv && e.obj == 1) --held;
        most = std::max(most, held);
      }
      CHECK(held == 0);
      CHECK(most == 2);
    }
  }
}

TEST_CASE("channel: parked receivers are served in FIFO order") {
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    CAPTURE(seed);
    std::vector<int> order;
    auto r = run(Mode::Controlled, seed, [&](Runtime& rt) {
      auto ch = std::make_shared<Channel>(rt, 0, "jobs");
      auto out = std::make_shared<Channel>(rt, 3, "out");
      std::vector<TaskId> parked;
      for (int i = 1; i <= 3; ++i) {
        rt.go("r" + std::to_string(i), [&rt, ch, out, i] {
          ch->recv();
          out->send(Value{static_cast<std::uint64_t>(i)}, show(static_cast<std::uint64_t>(i)));
        });
      }
      // Wait until all three are parked on recvq, then send three times.
      for (int spins = 0; spins < 200; ++spins) rt.sched_point();
      std::vector<TaskId> queue_order;
      for (std::size_t i = 0; i < rt.log().committed(); ++i) {
        const Event& e = rt.log().at(i);
        if (e.kind == EventKind::TaskBlock && e.obj == ch->id()) queue_order.push_back(e.task);
      }
      REQUIRE(queue_order.size() == 3);
      std::vector<TaskId> served;
      for (int i = 0; i < 3; ++i) {
        ch->send(Value{9}, show(9));
        served.push_back(events_of(rt.log(), EventKind::ChanSend).back().peer);
      }
      CHECK(served == queue_order);
      for (int i = 0; i < 3; ++i) order.push_back(static_cast<int>(out->recv().value.bits));
    });
    CHECK(r.result.outcome == Outcome::Ok);
    CHECK(order.size() == 3);
  }
}

TEST_CASE("channel: recv on a closed channel drains the buffer, then yields zero with ok=false") {
  for (Mode mode : kModes) {
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      auto r = run(mode, seed, [&](Runtime& rt) {
        auto ch = std::make_shared<Channel>(rt, 2, "c");
        ch->send(Value{7}, show(7));
        ch->close();
        CHECK(ch->closed());
        Received a = ch->recv();
        CHECK(a.ok);
        CHECK(a.value.bits == 7);
        Received b = ch->recv();
        CHECK_FALSE(b.ok);
        CHECK(b.value == Value{});
      });
      CHECK(r.result.outcome == Outcome::Ok);
      auto recvs = events_of(*r.log, EventKind::ChanRecv);
      REQUIRE(recvs.size() == 2);
      CHECK(recvs[1].arg == 0);
      CHECK(recvs[1].peer_seq == kNoSeq);
    }
  }
}

TEST_CASE("channel: close wakes every parked receiver with ok=false") {
  for (Mode mode : kModes) {
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      int closed_seen = 0;
      auto r = run(mode, seed, [&](Runtime& rt) {
        auto ch = std::make_shared<Channel>(rt, 0, "c");
        auto res = std::make_shared<Channel>(rt, 4, "res");
        for (int i = 0; i < 4; ++i) {
          rt.go("rx", [ch, res] {
            Received x = ch->recv();
            res->send(Value{x.ok ? 1u : 2u}, Val(x.ok ? "ok" : "closed"));
          });
        }
        ch->close();
        for (int i = 0; i < 4; ++i) closed_seen += res->recv().value.bits == 2 ? 1 : 0;
      });
      CHECK(r.result.outcome == Outcome::Ok);
      CHECK(closed_seen == 4);
    }
  }
}

TEST_CASE("channel: send on a closed channel panics, also for a sender parked at close") {
  for (Mode mode : kModes) {
    CAPTURE(std::string(to_string(mode)));
    auto r = run(mode, 1, [&](Runtime& rt) {
      auto ch = std::make_shared<Channel>(rt, 0, "c");
      ch->close();
      rt.set_line(9);
      ch->send(Value{1}, show(1));
    });
    CHECK(r.result.outcome == Outcome::Panic);
    CHECK(r.result.message ==
          "panic: send on closed channel\n\ngoroutine 1 [running]:\n\tmain at line 9");
    CHECK(r.result.task == 1);
    auto panics = events_of(*r.log, EventKind::Panic);
    REQUIRE(panics.size() == 1);
    CHECK(r.log->str(panics[0].text) == "send on closed channel");
    auto exits = events_of(*r.log, EventKind::TaskExit);
    REQUIRE(exits.size() == 1);
    CHECK(exits[0].arg == 1);

    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
      CAPTURE(seed);
      bool recovered = false;
      auto r2 = run(mode, seed, [&](Runtime& rt) {
        auto ch = std::make_shared<Channel>(rt, 0, "c");
        auto done = std::make_shared<Channel>(rt, 1, "done");
        rt.go("sender", [&recovered, ch, done] {
          try {
            ch->send(Value{1}, show(1));
          } catch (const Panic& p) {
            recovered = std::string(p.what()) == "send on closed channel";
          }
          done->send(Value{1}, show(1));
        });
        // Close once the sender is parked (or before it started: it panics either way).
        for (int i = 0; i < 20; ++i) rt.sched_point();
        ch->close();
        done->recv();
      });
      CHECK(r2.result.outcome == Outcome::Ok);
      CHECK(recovered);
    }
  }
}

TEST_CASE("channel: close of a closed channel and of a nil channel panic with Go's words") {
  for (Mode mode : kModes) {
    CAPTURE(std::string(to_string(mode)));
    auto r = run(mode, 1, [&](Runtime& rt) {
      auto ch = std::make_shared<Channel>(rt, 1, "c");
      ch->close();
      chan_close(rt, ch.get());
    });
    CHECK(r.result.outcome == Outcome::Panic);
    CHECK(r.result.message.rfind("panic: close of closed channel\n", 0) == 0);
    auto r2 = run(mode, 1, [&](Runtime& rt) { chan_close(rt, nullptr); });
    CHECK(r2.result.outcome == Outcome::Panic);
    CHECK(r2.result.message.rfind("panic: close of nil channel\n", 0) == 0);
  }
}

TEST_CASE("channel: send and recv on a nil channel block forever (deadlock)") {
  for (Mode mode : kModes) {
    CAPTURE(std::string(to_string(mode)));
    auto r = run(mode, 1, [&](Runtime& rt) {
      rt.set_line(4);
      chan_recv(rt, nullptr);
    });
    CHECK(r.result.outcome == Outcome::Deadlock);
    CHECK(r.result.message ==
          "fatal error: all goroutines are asleep - deadlock!\n\n"
          "goroutine 1 [chan receive (nil chan)]:\n\tmain at line 4");
    auto r2 = run(mode, 1, [&](Runtime& rt) {
      rt.go("w", [&rt] { chan_send(rt, nullptr, Value{1}, show(1)); });
      auto ch = std::make_shared<Channel>(rt, 0, "never");
      ch->recv();
    });
    CHECK(r2.result.outcome == Outcome::Deadlock);
    CHECK(
        r2.result.message.find("goroutine 1 [chan receive]:\n\tmain at line 0, waiting on never") !=
        std::string::npos);
    CHECK(r2.result.message.find("goroutine 2 [chan send (nil chan)]:\n\tw at line 0") !=
          std::string::npos);
  }
}

TEST_CASE("channel: many senders and receivers move every value exactly once") {
  for (Mode mode : kModes) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      CAPTURE(std::string(to_string(mode)));
      CAPTURE(seed);
      for (std::size_t cap : {std::size_t{0}, std::size_t{1}, std::size_t{3}}) {
        CAPTURE(cap);
        std::uint64_t sum = 0;
        auto r = run(mode, seed, [&](Runtime& rt) {
          auto ch = std::make_shared<Channel>(rt, cap, "work");
          auto sums = std::make_shared<Channel>(rt, 4, "sums");
          for (std::uint64_t s = 0; s < 4; ++s) {
            rt.go("tx", [ch, s] {
              for (std::uint64_t i = 1; i <= 50; ++i) ch->send(Value{s * 1000 + i}, show(i));
            });
          }
          for (int k = 0; k < 4; ++k) {
            rt.go("rx", [ch, sums] {
              std::uint64_t acc = 0;
              for (int i = 0; i < 50; ++i) acc += ch->recv().value.bits;
              sums->send(Value{acc}, show(acc));
            });
          }
          for (int k = 0; k < 4; ++k) sum += sums->recv().value.bits;
        });
        CHECK(r.result.outcome == Outcome::Ok);
        // sum over s of (50 * 1000 * s + 1275) = 50000 * 6 + 4 * 1275
        CHECK(sum == 300000 + 4 * 1275);
      }
    }
  }
}

}  // namespace rdv::sim
