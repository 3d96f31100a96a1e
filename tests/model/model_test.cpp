// Tests of the model: state after hand-made event streams (a rendezvous, a buffered channel
// with refill, select waiters, a cancel cascade, a deadlock), time travel, and the timeline
// data, checked against the synthetic generator's own knowledge of the final state.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "model/model.h"
#include "tests/support/model_stream.h"
#include "tests/support/synthetic.h"
#include "trace/trace.h"

namespace rdv::model {
namespace {

using sim::BlockReason;
using sim::Event;
using sim::EventKind;

using rdv::test::Stream;

constexpr auto R(BlockReason r) {
  return static_cast<std::int64_t>(r);
}

TEST_CASE("model: an unbuffered rendezvous, step by step") {
  Stream s;
  const rdv::test::AsyncResultSeqs at = rdv::test::add_async_result(
      s, {.recv_line = 8, .sleep_line = 3, .send_line = 4, .print_line = 9, .sleep = 2000});
  const Seq block = at.block;
  const Seq send = at.send;
  const Seq recv = at.recv;
  const Seq print = at.print;
  s.add(EventKind::TaskExit, 1);
  s.add(EventKind::RunEnd, 0, {{"arg", static_cast<std::int64_t>(sim::Outcome::Ok)}});
  const Model& m = s.model;

  const State at_block = m.state_after(block);
  REQUIRE(at_block.tasks.size() == 2);
  const TaskInfo* main = at_block.task(1);
  REQUIRE(main);
  CHECK(m.str(main->name) == "main");
  CHECK(main->state == TaskState::Blocked);
  CHECK(main->reason == BlockReason::ChanRecv);
  CHECK(main->obj == 1);
  CHECK(main->line == 8);
  const ChannelInfo* ch = at_block.channel(1);
  REQUIRE(ch);
  CHECK(m.str(ch->name) == "result");
  REQUIRE(ch->recvq.size() == 1);
  CHECK(ch->recvq[0].task == 1);
  CHECK(at_block.task(2)->state == TaskState::Runnable);
  CHECK(at_block.task(2)->parent == 1);
  CHECK(at_block.task(2)->colour == 1);

  const State sleeping = m.state_after(block + 2);
  CHECK(sleeping.task(2)->state == TaskState::Sleeping);
  CHECK(sleeping.task(2)->until == 2000);
  CHECK(sleeping.count_of(TaskState::Sleeping) == 1);
  CHECK(sleeping.count_of(TaskState::Blocked) == 1);

  const State at_send = m.state_after(send);
  CHECK(at_send.channel(1)->buffer.empty());  // a hand-off never touches the buffer
  CHECK(at_send.channel(1)->last_send == send);
  const State at_recv = m.state_after(recv);
  CHECK(at_recv.channel(1)->recvq.empty());
  CHECK(at_recv.task(1)->state == TaskState::Blocked);  // until its TaskUnblock
  const State end = m.head();
  CHECK(end.task(1)->state == TaskState::Done);
  CHECK(end.task(1)->time_in(TaskState::Blocked, end.now) == 2000);
  CHECK(end.task(2)->time_in(TaskState::Sleeping, end.now) == 2000);
  CHECK(end.outcome == sim::Outcome::Ok);
  CHECK(m.count_until(m.prints(), print - 1) == 0);
  CHECK(m.count_until(m.prints(), print) == 1);
  CHECK(m.text(m.events()[m.prints()[0]]) == "result:\t42");

  // The arrow from the send to the receive that took its value; the spawn arrow.
  const auto arrows = m.arrows();
  const auto sendrecv = std::find_if(arrows.begin(), arrows.end(),
                                     [](const Arrow& a) { return a.kind == ArrowKind::Send; });
  REQUIRE(sendrecv != arrows.end());
  CHECK(sendrecv->from_seq == send);
  CHECK(sendrecv->to_seq == recv);
  CHECK(sendrecv->from_task == 2);
  CHECK(sendrecv->to_task == 1);
  CHECK(std::count_if(arrows.begin(), arrows.end(),
                      [](const Arrow& a) { return a.kind == ArrowKind::Spawn; }) == 1);
  // Segments of main: runnable, running, blocked on the channel, runnable, running, done.
  const auto seg = m.segments(0);
  REQUIRE(seg.size() == 6);
  CHECK(seg[2].state == TaskState::Blocked);
  CHECK(seg[2].obj == 1);
  CHECK(m.object_name(seg[2].obj) == "result");
  CHECK(seg[3].t == 2000);
  CHECK(seg[5].state == TaskState::Done);
}

TEST_CASE("model: a buffered channel fills, blocks its sender and refills on receive") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::ChanMake, 1, {{"obj", 5}, {"arg", 1}}, "jobs");
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "producer");
  s.add(EventKind::TaskRun, 2);
  const Seq s1 = s.add(EventKind::ChanSend, 2, {{"obj", 5}}, {}, "job1");
  const Seq blk = s.add(EventKind::TaskBlock, 2, {{"reason", R(BlockReason::ChanSend)}, {"obj", 5}},
                        {}, "job2");
  {
    const State st = s.model.head();
    const ChannelInfo* ch = st.channel(5);
    REQUIRE(ch);
    REQUIRE(ch->buffer.size() == 1);
    CHECK(ch->buffer[0].val.view() == "job1");
    CHECK(ch->buffer[0].send_seq == s1);
    REQUIRE(ch->sendq.size() == 1);
    CHECK(ch->sendq[0].task == 2);
    CHECK(ch->sendq[0].val.view() == "job2");
    CHECK(ch->sendq[0].since == blk);
  }
  s.add(EventKind::TaskRun, 1);
  const Seq r1 =
      s.add(EventKind::ChanRecv, 1,
            {{"obj", 5}, {"peer", 2}, {"peer_seq", static_cast<std::int64_t>(s1)}, {"arg", 1}}, {},
            "job1");
  const Seq s2 = s.add(EventKind::ChanSend, 2, {{"obj", 5}}, {}, "job2");  // refill, for the sender
  s.add(EventKind::TaskUnblock, 2, {{"obj", 5}, {"peer", 1}});
  const Seq r2 =
      s.add(EventKind::ChanRecv, 1,
            {{"obj", 5}, {"peer", 2}, {"peer_seq", static_cast<std::int64_t>(s2)}, {"arg", 1}}, {},
            "job2");
  const Model& m = s.model;
  const State mid = m.state_after(r1);
  CHECK(mid.channel(5)->buffer.empty());
  CHECK(mid.channel(5)->sendq.size() == 1);
  const State refilled = m.state_after(s2);
  REQUIRE(refilled.channel(5)->buffer.size() == 1);
  CHECK(refilled.channel(5)->buffer[0].val.view() == "job2");
  CHECK(refilled.channel(5)->buffer[0].send_seq == s2);
  CHECK(refilled.channel(5)->sendq.empty());
  const State end = m.head();
  CHECK(end.channel(5)->buffer.empty());
  CHECK(end.task(2)->state == TaskState::Runnable);
  // Two flows through the buffer, each from its send to the receive that took it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> flows;
  for (const Arrow& a : m.arrows()) {
    if (a.kind == ArrowKind::Send) flows.emplace_back(a.from_seq, a.to_seq);
  }
  CHECK(flows == std::vector<std::pair<std::uint32_t, std::uint32_t>>{
                     {static_cast<std::uint32_t>(s1), static_cast<std::uint32_t>(r1)},
                     {static_cast<std::uint32_t>(s2), static_cast<std::uint32_t>(r2)}});
  // Occupancy series: 1 (job1), 1 + a parked sender, 0, 1 (refill), 0.
  const auto series = m.channel_series(0);
  std::vector<std::uint32_t> lens;
  for (const ChanSample& x : series) lens.push_back(x.len);
  CHECK(lens == std::vector<std::uint32_t>{0, 1, 1, 0, 1, 0});
  CHECK(series[2].sendq == 1);
}

TEST_CASE("model: a parked sender's value is filled in once its send completes") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::ChanMake, 1, {{"obj", 1}}, "c");
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "sender");
  // The runtime did not say what the parked sender holds...
  const Seq blk =
      s.add(EventKind::TaskBlock, 2, {{"reason", R(BlockReason::ChanSend)}, {"obj", 1}});
  CHECK(s.model.head().channel(1)->sendq.at(0).val.empty());
  // ...enough events for a snapshot to be taken while it waits...
  for (int i = 0; i < 5000; ++i) s.add(EventKind::Print, 1, {}, "tick");
  // ...and the value shows up with the send.
  const Seq send = s.add(EventKind::ChanSend, 2, {{"obj", 1}, {"peer", 1}}, {}, "hello");
  s.add(EventKind::ChanRecv, 1,
        {{"obj", 1}, {"peer", 2}, {"peer_seq", static_cast<std::int64_t>(send)}, {"arg", 1}}, {},
        "hello");
  s.add(EventKind::TaskUnblock, 2, {{"obj", 1}, {"peer", 1}});
  const Model& m = s.model;
  CHECK(m.snapshot_count() >= 2);
  for (const Seq k : {blk, blk + 1, Seq{4500}, send - 1}) {
    INFO("k = " << k);
    const State st = m.state_after(k);
    REQUIRE(st.channel(1)->sendq.size() == 1);
    CHECK(st.channel(1)->sendq[0].val.view() == "hello");
  }
  CHECK(m.state_after(send).channel(1)->sendq.empty());
}

TEST_CASE("model: the value is filled in also when the sender is woken before its send") {
  // The runtime's order for a receiver meeting a parked sender: TaskUnblock, then ChanSend.
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::ChanMake, 1, {{"obj", 1}, {"arg", 1}}, "c");
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "sender");
  const Seq first = s.add(EventKind::ChanSend, 2, {{"obj", 1}}, {}, "a");
  const Seq blk =
      s.add(EventKind::TaskBlock, 2, {{"reason", R(BlockReason::ChanSend)}, {"obj", 1}});
  s.add(EventKind::TaskUnblock, 2, {{"obj", 1}, {"peer", 1}});
  const Seq refill = s.add(EventKind::ChanSend, 2, {{"obj", 1}}, {}, "b");
  s.add(EventKind::ChanRecv, 1,
        {{"obj", 1}, {"peer", 2}, {"peer_seq", static_cast<std::int64_t>(first)}, {"arg", 1}}, {},
        "a");
  const Model& m = s.model;
  REQUIRE(m.state_after(blk).channel(1)->sendq.size() == 1);
  CHECK(m.state_after(blk).channel(1)->sendq[0].val.view() == "b");
  CHECK(m.events()[blk].val.view() == "b");
  REQUIRE(m.head().channel(1)->buffer.size() == 1);
  CHECK(m.head().channel(1)->buffer[0].send_seq == refill);
}

TEST_CASE("model: a task parked in select waits on every case's channel") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::ChanMake, 1, {{"obj", 1}}, "in");
  s.add(EventKind::ChanMake, 1, {{"obj", 2}}, "out");
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "sel");
  s.add(EventKind::TaskRun, 2);
  s.add(EventKind::SelectCase, 2, {{"obj", 1}, {"reason", R(BlockReason::ChanRecv)}, {"arg", 0}});
  s.add(EventKind::SelectCase, 2, {{"obj", 2}, {"reason", R(BlockReason::ChanSend)}, {"arg", 1}},
        {}, "x");
  s.add(EventKind::SelectCase, 2, {{"obj", 0}, {"reason", R(BlockReason::ChanRecv)}, {"arg", 2}});
  const Seq blk = s.add(EventKind::TaskBlock, 2, {{"reason", R(BlockReason::Select)}});
  const State waiting = s.model.head();
  CHECK(waiting.task(2)->state == TaskState::Blocked);
  CHECK(waiting.task(2)->reason == BlockReason::Select);
  CHECK(waiting.task(2)->cases.size() == 3);
  REQUIRE(waiting.channel(1)->selects.size() == 1);
  CHECK(waiting.channel(1)->selects[0].case_index == 0);
  CHECK(waiting.channel(1)->selects[0].dir == BlockReason::ChanRecv);
  REQUIRE(waiting.channel(2)->selects.size() == 1);
  CHECK(waiting.channel(2)->selects[0].case_index == 1);
  CHECK(waiting.channel(2)->selects[0].val.view() == "x");
  CHECK(waiting.channel(2)->selects[0].since == blk);
  CHECK(waiting.channel(1)->recvq.empty());  // select waiters are listed apart
  s.add(EventKind::TaskRun, 1);
  const Seq send = s.add(EventKind::ChanSend, 1, {{"obj", 1}, {"peer", 2}}, {}, "7");
  s.add(EventKind::ChanRecv, 2,
        {{"obj", 1}, {"peer", 1}, {"peer_seq", static_cast<std::int64_t>(send)}, {"arg", 1}}, {},
        "7");
  s.add(EventKind::TaskUnblock, 2, {{"obj", 1}, {"peer", 1}});
  s.add(EventKind::TaskRun, 2);
  s.add(EventKind::SelectChoose, 2, {{"obj", 1}, {"arg", 0}});
  const State after = s.model.head();
  CHECK(after.channel(1)->selects.empty());
  CHECK(after.channel(2)->selects.empty());
  CHECK(after.task(2)->cases.empty());
  CHECK(after.task(2)->state == TaskState::Running);
}

TEST_CASE("model: a cancel cascade spreads through the context tree") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::CtxMake, 1, {{"obj", 1}, {"arg", -1}}, "background");
  s.add(EventKind::CtxMake, 1, {{"obj", 2}, {"aux", 1}, {"arg", -1}}, "with_cancel");
  s.add(EventKind::CtxMake, 1, {{"obj", 3}, {"aux", 2}, {"arg", -1}}, "with_cancel");
  s.add(EventKind::CtxMake, 1, {{"obj", 4}, {"aux", 2}, {"arg", 5000}}, "with_timeout");
  s.add(EventKind::ChanMake, 1, {{"obj", 5}, {"aux", 3}}, "done");
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "worker");
  s.add(EventKind::TaskRun, 2);
  s.add(EventKind::TaskBlock, 2, {{"reason", R(BlockReason::ChanRecv)}, {"obj", 5}});
  s.add(EventKind::TaskRun, 1);
  const Seq c2 = s.add(EventKind::CtxCancel, 1, {{"obj", 2}, {"aux", 2}}, "context canceled");
  const Seq c3 = s.add(EventKind::CtxCancel, 1, {{"obj", 3}, {"aux", 2}}, "context canceled");
  const Seq close = s.add(EventKind::ChanClose, 1, {{"obj", 5}});
  const Seq wake = s.add(EventKind::TaskUnblock, 2, {{"obj", 5}, {"peer", 1}});
  const Seq c4 = s.add(EventKind::CtxCancel, 1, {{"obj", 4}, {"aux", 2}}, "context canceled");
  const Model& m = s.model;
  const State mid = m.state_after(c3);
  CHECK(!mid.context(1)->cancelled);
  CHECK(mid.context(2)->cancelled);
  CHECK(mid.context(2)->cause == 2);
  CHECK(mid.context(3)->cancelled);
  CHECK(mid.context(3)->cause == 2);
  CHECK(m.str(mid.context(3)->err) == "context canceled");
  CHECK(mid.context(3)->done == 5);
  CHECK(!mid.context(4)->cancelled);
  CHECK(mid.context(4)->deadline == 5000);
  CHECK(mid.context(4)->parent == 2);
  const State end = m.head();
  CHECK(end.context(4)->cancelled);
  CHECK(end.channel(5)->closed);
  CHECK(end.task(2)->state == TaskState::Runnable);
  std::vector<std::tuple<ArrowKind, std::uint32_t, std::uint32_t>> got;
  for (const Arrow& a : m.arrows()) {
    if (a.kind != ArrowKind::Spawn) got.emplace_back(a.kind, a.from_seq, a.to_seq);
  }
  const auto u = [](Seq x) { return static_cast<std::uint32_t>(x); };
  CHECK(got == std::vector<std::tuple<ArrowKind, std::uint32_t, std::uint32_t>>{
                   {ArrowKind::Cancel, u(c2), u(c3)},
                   {ArrowKind::Close, u(close), u(wake)},
                   {ArrowKind::Cancel, u(c2), u(c4)}});
  CHECK(m.count_until(m.diagnostics(), c4) == 3);
}

TEST_CASE("model: a deadlock leaves its waiters on their objects") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::WgMake, 1, {{"obj", 1}}, "wg");
  s.add(EventKind::MutexMake, 1, {{"obj", 2}}, "mu");
  s.add(EventKind::FutureMake, 1, {{"obj", 3}}, "answer");
  s.add(EventKind::AtomicMake, 1, {{"obj", 4}, {"aux", 10}}, "hits");
  s.add(EventKind::WgAdd, 1, {{"obj", 1}, {"arg", 2}, {"aux", 2}});
  s.add(EventKind::AtomicAdd, 1, {{"obj", 4}, {"arg", 5}, {"aux", 15}});
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "locker");
  s.add(EventKind::TaskSpawn, 3, {{"peer", 1}}, "waiter");
  s.add(EventKind::TaskRun, 2);
  s.add(EventKind::MutexLock, 2, {{"obj", 2}});
  s.add(EventKind::WgAdd, 2, {{"obj", 1}, {"arg", -1}, {"aux", 1}});
  s.add(EventKind::TaskBlock, 2, {{"reason", R(BlockReason::Future)}, {"obj", 3}});
  s.add(EventKind::TaskRun, 3);
  s.add(EventKind::TaskBlock, 3, {{"reason", R(BlockReason::Mutex)}, {"obj", 2}});
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::WgWait, 1, {{"obj", 1}, {"aux", 1}});
  s.add(EventKind::TaskBlock, 1, {{"reason", R(BlockReason::WaitGroup)}, {"obj", 1}});
  const Seq dl = s.add(EventKind::Deadlock, 0);
  s.add(EventKind::RunEnd, 0, {{"arg", static_cast<std::int64_t>(sim::Outcome::Deadlock)}},
        "fatal error: all goroutines are asleep - deadlock!");
  const Model& m = s.model;
  const State& st = m.head();
  CHECK(st.outcome == sim::Outcome::Deadlock);
  CHECK(m.str(st.message) == "fatal error: all goroutines are asleep - deadlock!");
  CHECK(st.deadlock == dl);
  CHECK(st.count_of(TaskState::Blocked) == 3);
  CHECK(st.waitgroup(1)->counter == 1);
  CHECK(st.waitgroup(1)->waiters == std::vector<TaskId>{1});
  CHECK(st.mutex(2)->owner == 2);
  REQUIRE(st.mutex(2)->waiters.size() == 1);
  CHECK(st.mutex(2)->waiters[0].task == 3);
  CHECK(st.future(3)->state == FutureState::Pending);
  CHECK(st.future(3)->waiters == std::vector<TaskId>{2});
  CHECK(st.atomic(4)->value == 15);
  CHECK(st.channel(1) == nullptr);  // object 1 is a WaitGroup, not a channel
  CHECK(m.state_at(0).tasks.empty());
  // Blocked-count series: 1, 2, 3 blocked tasks.
  std::vector<std::uint32_t> blocked;
  for (const CountSample& c : m.count_series()) blocked.push_back(c.blocked);
  CHECK(blocked == std::vector<std::uint32_t>{1, 2, 3});
}

TEST_CASE("model: a Cond lists the tasks asleep in Wait, FIFO, until signalled") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::MutexMake, 1, {{"obj", 1}}, "queue");
  s.add(EventKind::CondMake, 1, {{"obj", 2}, {"aux", 1}}, "ready");
  s.add(EventKind::TaskSpawn, 2, {{"peer", 1}}, "a");
  s.add(EventKind::TaskSpawn, 3, {{"peer", 1}}, "b");
  for (const TaskId t : {2u, 3u}) {
    s.add(EventKind::TaskRun, t);
    s.add(EventKind::MutexLock, t, {{"obj", 1}});
    s.add(EventKind::CondWait, t, {{"obj", 2}, {"aux", t - 1}});
    s.add(EventKind::MutexUnlock, t, {{"obj", 1}});
    s.add(EventKind::TaskBlock, t, {{"reason", R(BlockReason::CondWait)}, {"obj", 2}});
  }
  const Seq both = s.add(EventKind::TaskRun, 1);
  s.add(EventKind::CondSignal, 1, {{"obj", 2}, {"peer", 2}, {"aux", 1}});
  const Seq one = s.add(EventKind::TaskUnblock, 2, {{"obj", 2}, {"peer", 1}});
  s.add(EventKind::CondBroadcast, 1, {{"obj", 2}, {"arg", 1}});
  s.add(EventKind::TaskUnblock, 3, {{"obj", 2}, {"peer", 1}});
  const Model& m = s.model;
  const State at_both = m.state_at(both + 1);
  REQUIRE(at_both.cond(2) != nullptr);
  CHECK(at_both.cond(2)->mutex == 1);
  CHECK(at_both.cond(2)->waiters == std::vector<TaskId>{2, 3});
  CHECK(at_both.task(2)->state == TaskState::Blocked);
  CHECK(at_both.task(2)->reason == BlockReason::CondWait);
  CHECK(at_both.mutex(1)->owner == 0);  // Wait unlocked L
  const State at_one = m.state_at(one + 1);
  CHECK(at_one.cond(2)->waiters == std::vector<TaskId>{3});
  CHECK(at_one.cond(2)->signals == 1);
  const State& st = m.head();
  CHECK(st.cond(2)->waiters.empty());
  CHECK(st.cond(2)->broadcasts == 1);
  CHECK(st.cond(1) == nullptr);  // object 1 is the mutex
  CHECK(st.mutex(2) == nullptr);
}

TEST_CASE("model: a Cond keeps its L's kind, lock and a program Locker's type") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::MutexMake, 1, {{"obj", 1}, {"arg", 1}}, "rw");
  s.add(EventKind::CondMake, 1, {{"obj", 2}, {"aux", 1}, {"arg", 1}}, "loaded");
  s.add(EventKind::CondMake, 1, {{"obj", 3}, {"arg", 2}}, "ready", "*main.countingLock");
  s.add(EventKind::CondMake, 1, {{"obj", 4}, {"arg", 3}}, "c");
  const State& st = s.model.head();
  REQUIRE(st.cond(2) != nullptr);
  CHECK(st.cond(2)->mutex == 1);
  CHECK(st.cond(2)->l_kind == 1);
  REQUIRE(st.cond(3) != nullptr);
  CHECK(st.cond(3)->mutex == 0);
  CHECK(st.cond(3)->l_kind == 2);
  CHECK(st.cond(3)->l_label.view() == "*main.countingLock");
  REQUIRE(st.cond(4) != nullptr);
  CHECK(st.cond(4)->l_kind == 3);
  CHECK(s.model.cond_locker(*st.cond(3)) == "*main.countingLock");
}

TEST_CASE("model: events naming unknown tasks or objects change nothing and never crash") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::TaskUnblock, 1);  // not parked
  s.add(EventKind::ChanSend, 9, {{"obj", 77}});
  s.add(EventKind::ChanRecv, 1, {{"obj", 77}, {"peer_seq", 999}});
  s.add(EventKind::MutexUnlock, 1, {{"obj", 3}, {"arg", 1}});
  s.add(EventKind::TaskSpawn, 1, {}, "again");
  s.add(EventKind::TaskBlock, 4'000'000'000u,
        {{"reason", R(BlockReason::Mutex)}, {"obj", 4'000'000'000}});
  s.add(EventKind::RunEnd, 0, {{"arg", 99}});
  const State& st = s.model.head();
  CHECK(st.tasks.size() == 1);
  CHECK(s.model.task_name(1) == "main");
  CHECK(st.outcome == sim::Outcome::Error);
}

TEST_CASE("model: tasks that share a name are told apart by their goroutine number") {
  // Go names every goroutine of one function alike (main.main.func1).
  Stream s;
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  s.add(EventKind::TaskSpawn, 2, {}, "main.main.func1");
  s.add(EventKind::TaskSpawn, 3, {}, "producer");
  CHECK(s.model.task_name(2) == "main.main.func1");  // alone so far: its own name
  s.add(EventKind::TaskSpawn, 4, {}, "main.main.func1");
  s.add(EventKind::TaskSpawn, 7, {}, "main.main.func1");
  CHECK(s.model.task_name(1) == "main");
  CHECK(s.model.task_name(2) == "main.main.func1 (goroutine 2)");  // the first one too, now
  CHECK(s.model.task_name(3) == "producer");
  CHECK(s.model.task_name(4) == "main.main.func1 (goroutine 4)");
  CHECK(s.model.task_name(7) == "main.main.func1 (goroutine 7)");
  CHECK(s.model.task_name(5).empty());
}

TEST_CASE("model: a long live run's events are not moved again after 64 Ki events") {
  // Moving half a million events took one frame 200 ms (a debug build): past 64 Ki events the
  // model makes room for the run's event limit (up to 1 Mi) at once.
  Stream s;
  rdv::trace::Header h;
  h.max_events = 300'000;
  s.model.set_header(h);
  s.add(EventKind::TaskSpawn, 1, {}, "main");
  while (s.model.size() <= (std::size_t{1} << 16)) s.add(EventKind::TaskYield, 1);
  const Event* room = s.model.events().data();
  while (s.model.size() < 300'000) s.add(EventKind::TaskYield, 1);
  CHECK(s.model.events().data() == room);
  CHECK(s.model.size() == 300'000);
}

// ---- the synthetic stream: truth, time travel, timeline data ---------------------------------

Model synthetic_model(std::size_t events, testing::SyntheticTruth* truth = nullptr) {
  testing::SyntheticOptions o;
  o.events = events;
  o.workers = 12;
  o.channels = 5;
  o.seed = 3;
  return Model(testing::synthetic_trace(o, truth));
}

TEST_CASE("model: the final state matches what the generator knows") {
  testing::SyntheticTruth truth;
  const Model m = synthetic_model(30'000, &truth);
  const State& st = m.head();
  for (const auto& [id, values] : truth.buffers) {
    INFO("channel " << id);
    const ChannelInfo* c = st.channel(id);
    REQUIRE(c);
    std::vector<std::string> got;
    for (const Slot& sl : c->buffer) got.emplace_back(sl.val.view());
    CHECK(got == values);
    std::vector<TaskId> sq, rq;
    for (const Waiter& w : c->sendq) sq.push_back(w.task);
    for (const Waiter& w : c->recvq) rq.push_back(w.task);
    CHECK(sq == truth.sendq[id]);
    CHECK(rq == truth.recvq[id]);
  }
  std::vector<TaskId> blocked, sleeping;
  for (const TaskInfo& t : st.tasks) {
    if (t.state == TaskState::Blocked) blocked.push_back(t.id);
    if (t.state == TaskState::Sleeping) sleeping.push_back(t.id);
  }
  CHECK(blocked == truth.blocked);
  CHECK(sleeping == truth.sleeping);
  const auto arrows = m.arrows();
  CHECK(static_cast<std::size_t>(std::count_if(arrows.begin(), arrows.end(), [](const Arrow& a) {
          return a.kind == ArrowKind::Send;
        })) == truth.handoffs);
  CHECK(m.snapshot_count() >= 30'000 / 4096);
}

TEST_CASE("model: time travel — jumping back to k equals stepping forward to k") {
  const Model m = synthetic_model(40'000);
  // Reference: one cursor stepping forward event by event, sampled at chosen points.
  std::mt19937_64 rng(11);
  std::vector<std::size_t> ks;
  for (int i = 0; i < 40; ++i) ks.push_back(rng() % (m.size() + 1));
  ks.push_back(0);
  ks.push_back(m.size());
  ks.push_back(4096);
  ks.push_back(4095);
  std::vector<std::size_t> sorted = ks;
  std::sort(sorted.begin(), sorted.end());
  std::vector<State> forward;
  Cursor step(m);
  for (const std::size_t k : sorted) {
    while (step.state().applied < k) step.seek(step.state().applied + 1);
    forward.push_back(step.state());
  }
  // Random jumps, backwards included, with one cursor; and fresh states.
  Cursor jump(m);
  for (const std::size_t k : ks) {
    INFO("k = " << k);
    const auto i = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), k) -
                                            sorted.begin());
    CHECK(jump.seek(k) == forward[i]);
    CHECK(m.state_at(k) == forward[i]);
  }
  CHECK(m.state_at(m.size()) == m.head());
}

TEST_CASE("model: segments agree with the state at every sampled event") {
  const Model m = synthetic_model(20'000);
  std::mt19937_64 rng(5);
  Cursor c(m);
  for (int i = 0; i < 200; ++i) {
    const Seq k = rng() % m.size();
    const State& st = c.seek_after(k);
    for (const TaskInfo& t : st.tasks) {
      const auto seg = m.segments(t.colour);
      // The segment in force at k: the last one starting at or before k (binary search).
      const auto it = std::upper_bound(seg.begin(), seg.end(), k,
                                       [](Seq v, const Segment& s) { return v < s.seq; });
      REQUIRE(it != seg.begin());
      CHECK(std::prev(it)->state == t.state);
      CHECK(std::prev(it)->obj == t.obj);
    }
  }
  // Timeline arrays are sorted for binary search.
  for (std::size_t i = 0; i < m.task_count(); ++i) {
    const auto seg = m.segments(i);
    CHECK(std::is_sorted(seg.begin(), seg.end(), [](const Segment& a, const Segment& b) {
      return a.seq < b.seq || (a.seq == b.seq && a.t < b.t);
    }));
  }
  const auto arrows = m.arrows();
  CHECK(std::is_sorted(arrows.begin(), arrows.end(),
                       [](const Arrow& a, const Arrow& b) { return a.to_seq < b.to_seq; }));
  CHECK(std::is_sorted(m.events().begin(), m.events().end(),
                       [](const Event& a, const Event& b) { return a.t < b.t; }));
  CHECK(m.first_at_or_after(m.events()[1000].t) <= 1000);
}

TEST_CASE("model: appending live gives the same model as loading the trace") {
  testing::SyntheticOptions o;
  o.events = 10'000;
  const trace::Trace t = testing::synthetic_trace(o);
  trace::Trace copy = t;
  const Model loaded(std::move(copy));
  Model live;
  for (const Event& e : t.events) live.append(e, t.text(e));
  CHECK(live.head() == loaded.head());
  CHECK(live.arrows().size() == loaded.arrows().size());
  CHECK(live.count_series().size() == loaded.count_series().size());
  CHECK(live.state_after(5000) == loaded.state_after(5000));
  CHECK(live.memory_bytes() > 0);
}

}  // namespace
}  // namespace rdv::model
