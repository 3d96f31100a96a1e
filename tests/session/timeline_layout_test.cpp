// Tests of the timeline's prepare phase without a window: folding of narrow spans, the visible
// range found by binary search, arrows kept only between unfolded items, tick units, the
// event-order axis, zoom and pan.
#include "session/timeline_layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using rdv::model::Model;
using rdv::sim::BlockReason;
using rdv::sim::Event;
using rdv::sim::EventKind;
using namespace rdv::session::timeline;

// Appends events as the runtime would emit them; time moves only when asked.
struct Stream {
  std::uint32_t add(EventKind k, rdv::sim::TaskId task, rdv::sim::ObjId obj = 0,
                    BlockReason reason = BlockReason::None, rdv::sim::TaskId peer = 0,
                    rdv::sim::Seq peer_seq = rdv::sim::kNoSeq, std::string_view text = {}) {
    Event e;
    e.kind = k;
    e.task = task;
    e.t = t;
    e.obj = obj;
    e.reason = reason;
    e.peer = peer;
    e.peer_seq = peer_seq;
    if (k == EventKind::ChanSend || k == EventKind::ChanRecv) e.val.set("1");
    model.append(e, text);
    return static_cast<std::uint32_t>(model.size() - 1);
  }
  Model model;
  rdv::sim::Nanos t = 0;
};

// main sleeps and wakes `cycles` times, 1 µs per event: three one-event segments per cycle.
Stream sleeper(int cycles) {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  for (int i = 0; i < cycles; ++i) {
    s.t += 1000;
    s.add(EventKind::TaskBlock, 1, 0, BlockReason::Sleep);
    s.t += 1000;
    s.add(EventKind::TaskUnblock, 1);
    s.t += 1000;
    s.add(EventKind::TaskRun, 1);
  }
  return s;
}

// The arrow index of a finished model.
rdv::session::timeline::ArrowIndex index_of(const Model& m) {
  rdv::session::timeline::ArrowIndex ix;
  ix.update(m);
  return ix;
}

// Items must tile the lane left to right and cover consecutive segments.
void check_tiling(const Lane& lane) {
  for (std::size_t i = 1; i < lane.items.size(); ++i) {
    CHECK(lane.items[i].first == lane.items[i - 1].first + lane.items[i - 1].count);
    CHECK(lane.items[i].x0 >= lane.items[i - 1].x0);
    CHECK(lane.items[i].seq_begin == lane.items[i - 1].seq_end);
  }
}

}  // namespace

TEST_CASE("timeline: zoomed in, every segment is its own item, zoomed out, they fold") {
  const Stream s = sleeper(1000);
  const auto segs = s.model.segments(0);
  REQUIRE(segs.size() == 3002);  // one per event: spawn, run, then 3 per cycle
  const std::vector<std::size_t> lanes = {0};

  // 30 segments over 900 px: 30 px each, nothing folds.
  Params near{Axis::EventOrder, {1, 31}, 900.0f, 3.0f};
  Prepared p = prepare(s.model, near, lanes, index_of(s.model));
  REQUIRE(p.lanes.size() == 1);
  REQUIRE(p.lanes[0].items.size() == 30);
  for (const Item& it : p.lanes[0].items) {
    CHECK_FALSE(it.folded());
    CHECK(it.x1 - it.x0 == doctest::Approx(30.0f));
  }
  check_tiling(p.lanes[0]);

  // The whole run (3002 events) over 300 px: 0.1 px per segment, all folded into few blocks.
  Params far{Axis::EventOrder, fit_all(s.model, Axis::EventOrder), 300.0f, 3.0f};
  p = prepare(s.model, far, lanes, index_of(s.model));
  const auto& items = p.lanes[0].items;
  CHECK(items.size() <= 300 / 3 + 2);
  CHECK(items.size() >= 1);
  std::size_t covered = 0;
  for (const Item& it : items) covered += it.count;
  CHECK(covered == segs.size());  // nothing lost: every segment is in exactly one item
  CHECK(items.front().folded());
  check_tiling(p.lanes[0]);
}

TEST_CASE("timeline: a wide span between narrow ones stays its own item") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  for (int i = 0; i < 50; ++i) {  // 100 short segments (1 ns each)
    s.t += 1;
    s.add(EventKind::TaskRun, 1);
    s.t += 1;
    s.add(EventKind::TaskBlock, 1, 0, BlockReason::Sleep);
  }
  s.t += 1'000'000;  // a 1 ms sleep
  s.add(EventKind::TaskUnblock, 1);
  s.t += 1;
  s.add(EventKind::TaskRun, 1);
  Params p{Axis::Time, fit_all(s.model, Axis::Time), 1000.0f, 3.0f};
  const Prepared out = prepare(s.model, p, {0}, index_of(s.model));
  const auto& items = out.lanes[0].items;
  REQUIRE(items.size() >= 2);
  CHECK(items[0].folded());
  // The sleep fills almost the whole width, unfolded.
  const Item* sleep = item_at(out.lanes[0], 500.0f);
  REQUIRE(sleep != nullptr);
  CHECK_FALSE(sleep->folded());
  CHECK(s.model.segments(0)[sleep->first].state == rdv::model::TaskState::Sleeping);
  CHECK(sleep->x1 - sleep->x0 > 990.0f);
  check_tiling(out.lanes[0]);
}

TEST_CASE("timeline: the visible range is found by binary search, not from the start") {
  const Stream s = sleeper(1000);
  // Events 1500..1530 of 3002: the first item is the segment containing event 1500.
  Params p{Axis::EventOrder, {1500, 1530}, 600.0f, 3.0f};
  const Prepared out = prepare(s.model, p, {0}, index_of(s.model));
  const auto& items = out.lanes[0].items;
  REQUIRE(!items.empty());
  const auto segs = s.model.segments(0);
  CHECK(segs[items.front().first].seq <= 1500);
  CHECK(items.front().seq_end > 1500);
  CHECK(items.front().x0 == 0.0f);
  CHECK(items.size() == 30);
  CHECK(items.back().seq_begin < 1530);
  CHECK(items.back().x1 <= 600.0f);

  // The same on the time axis: every event is 1 µs apart.
  Params t{Axis::Time, {1'500'000, 1'530'000}, 600.0f, 3.0f};
  const Prepared tout = prepare(s.model, t, {0}, index_of(s.model));
  CHECK(tout.lanes[0].items.size() == 30);  // segments start exactly on the window's edges
  CHECK(tout.lanes[0].items.front().x0 == 0.0f);
}

TEST_CASE("timeline: arrows only between items that survive folding") {
  // main receives on chan 1 once a worker sends; then many short spans on the worker's lane.
  Stream s;
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::ChanMake, 1, 1, BlockReason::None, 0, rdv::sim::kNoSeq, "result");
  s.add(EventKind::TaskSpawn, 2, 0, BlockReason::None, 1, rdv::sim::kNoSeq, "worker");
  s.add(EventKind::TaskBlock, 1, 1, BlockReason::ChanRecv);
  s.add(EventKind::TaskRun, 2);
  const auto send = s.add(EventKind::ChanSend, 2, 1, BlockReason::None, 1);
  const auto recv = s.add(EventKind::ChanRecv, 1, 1, BlockReason::None, 2, send);
  s.add(EventKind::TaskUnblock, 1, 1, BlockReason::None, 2);
  for (int i = 0; i < 400; ++i) {  // the worker flickers: one-event segments
    s.add(EventKind::TaskBlock, 2, 0, BlockReason::Sleep);
    s.add(EventKind::TaskUnblock, 2);
    s.add(EventKind::TaskRun, 2);
  }
  s.add(EventKind::TaskExit, 2);
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::TaskExit, 1);
  const auto& arrows = s.model.arrows();
  const auto is_send = [](const rdv::model::Arrow& a) {
    return a.kind == rdv::model::ArrowKind::Send;
  };
  REQUIRE(std::count_if(arrows.begin(), arrows.end(), is_send) == 1);

  auto sends = [&](const Prepared& p) {
    return std::count_if(p.arrows.begin(), p.arrows.end(), [](const PreparedArrow& a) {
      return a.kind == rdv::model::ArrowKind::Send;
    });
  };
  // Zoomed in on the hand-off: the arrow goes from the worker's lane to main's.
  Params near{Axis::EventOrder, {0, 20}, 800.0f, 3.0f};
  const Prepared pn = prepare(s.model, near, {0, 1}, index_of(s.model));
  REQUIRE(sends(pn) == 1);
  const auto a = *std::find_if(pn.arrows.begin(), pn.arrows.end(), [](const PreparedArrow& x) {
    return x.kind == rdv::model::ArrowKind::Send;
  });
  CHECK(a.from_lane == 1);
  CHECK(a.to_lane == 0);
  CHECK(a.from_seq == send);
  CHECK(a.to_seq == recv);
  CHECK(a.x0 == doctest::Approx(to_x(near, send)));

  // Zoomed out, the worker's send falls in a folded block; with so few arrows in view
  // (kDrawAllArrowsUpTo) it is drawn all the same, as on the virtual-time axis, where every
  // hand-off is a zero-width span.
  Params far{Axis::EventOrder, fit_all(s.model, Axis::EventOrder), 200.0f, 3.0f};
  const Prepared pf = prepare(s.model, far, {0, 1}, index_of(s.model));
  CHECK(sends(pf) == 1);
  CHECK(pf.arrows_folded == 0);

  // A lane not shown: no arrow to it.
  const Prepared only_main = prepare(s.model, near, {0}, index_of(s.model));
  CHECK(sends(only_main) == 0);
}

TEST_CASE("timeline: tick labels pick their unit from the step") {
  CHECK(format_tick(0, 1e9) == "0 s");
  CHECK(format_tick(1.5e9, 5e8) == "1.5 s");
  CHECK(format_tick(250e6, 50e6) == "250 ms");
  CHECK(format_tick(1.4e6, 2e5) == "1.4 ms");
  CHECK(format_tick(40e3, 10e3) == "40 \xC2\xB5s");
  CHECK(format_tick(12, 2) == "12 ns");

  // 1 ms over 1000 px with >= 100 px between ticks: a 100 µs step, ten ticks.
  Params p{Axis::Time, {0, 1e6}, 1000.0f, 3.0f};
  CHECK(tick_step(p, 100.0f) == doctest::Approx(1e5));
  const auto ts = ticks(p, 100.0f);
  REQUIRE(ts.size() == 10);
  CHECK(ts[0].label == "0 \xC2\xB5s");
  CHECK(ts[3].label == "300 \xC2\xB5s");
  CHECK(ts[3].x == doctest::Approx(300.0f));
  // Steps are 1, 2 or 5 times a power of ten.
  Params q{Axis::Time, {0, 3e9}, 1000.0f, 3.0f};
  CHECK(tick_step(q, 100.0f) == doctest::Approx(5e8));
}

TEST_CASE("timeline: the event-order axis gives zero-time steps their room") {
  Stream s;  // a controlled run: every event at t = 0
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::TaskBlock, 1, 0, BlockReason::Sleep);
  s.add(EventKind::TaskUnblock, 1);
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::TaskExit, 1);
  const Window w = fit_all(s.model, Axis::EventOrder);
  CHECK(w == Window{0, 6});
  const Prepared p = prepare(s.model, {Axis::EventOrder, w, 600.0f, 3.0f}, {0}, index_of(s.model));
  REQUIRE(p.lanes[0].items.size() == s.model.segments(0).size());
  for (const Item& it : p.lanes[0].items) CHECK_FALSE(it.folded());
  const auto ts = ticks({Axis::EventOrder, w, 600.0f, 3.0f}, 100.0f);
  REQUIRE(!ts.empty());
  CHECK(ts[0].label == "#0");
  // On the time axis everything is at one instant: a non-empty window, all of it folded.
  const Window tw = fit_all(s.model, Axis::Time);
  CHECK(tw.span() > 0);
  // Converting keeps the same events in view.
  const Window back = convert(s.model, convert(s.model, w, Axis::EventOrder, Axis::Time),
                              Axis::Time, Axis::EventOrder);
  CHECK(back.begin == 0);
}

TEST_CASE("timeline: zoom keeps the point under the mouse, pan moves by a fraction") {
  const Window w{100, 200};
  const Window z = zoom(w, 0.25, 0.5, 1e-3);
  CHECK(z.begin + 0.25 * z.span() == doctest::Approx(125.0));
  CHECK(z.span() == doctest::Approx(50.0));
  CHECK(zoom(w, 0.5, 1e-9, 4.0).span() == doctest::Approx(4.0));  // never narrower than min
  CHECK(pan(w, 0.5) == Window{150, 250});
  Params p{Axis::Time, w, 500.0f, 3.0f};
  CHECK(from_x(p, to_x(p, 142.0)) == doctest::Approx(142.0));
}

TEST_CASE("timeline: the arrow index grows with a live run as if built at once") {
  Stream s;
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::ChanMake, 1, 1, BlockReason::None, 0, rdv::sim::kNoSeq, "result");
  s.add(EventKind::TaskSpawn, 2, 0, BlockReason::None, 1, rdv::sim::kNoSeq, "worker");
  const auto send1 = s.add(EventKind::ChanSend, 2, 1, BlockReason::None, 1);
  s.add(EventKind::ChanRecv, 1, 1, BlockReason::None, 2, send1);
  ArrowIndex live;
  live.update(s.model);
  const auto before = live.into(0).size();
  const auto send2 = s.add(EventKind::ChanSend, 2, 1, BlockReason::None, 1);
  s.add(EventKind::ChanRecv, 1, 1, BlockReason::None, 2, send2);
  live.update(s.model);
  const ArrowIndex fresh = index_of(s.model);
  CHECK(live.into(0).size() == before + 1);
  CHECK(std::equal(live.into(0).begin(), live.into(0).end(), fresh.into(0).begin(),
                   fresh.into(0).end()));
  CHECK(std::equal(live.into(1).begin(), live.into(1).end(), fresh.into(1).begin(),
                   fresh.into(1).end()));
  CHECK(live.into(7).empty());  // no such task
}

TEST_CASE("timeline: zoom to a selection is the range between the two pixels") {
  Params p{Axis::Time, {1000, 2000}, 1000.0f, 3.0f};
  CHECK(selection_window(p, 250.0f, 500.0f, 1.0) == Window{1250, 1500});
  CHECK(selection_window(p, 500.0f, 250.0f, 1.0) == Window{1250, 1500});  // dragged leftwards
  // Narrower than the minimum: the minimum, centred on the selection.
  const Window w = selection_window(p, 100.0f, 101.0f, 10.0);
  CHECK(w.span() == doctest::Approx(10.0));
  CHECK((w.begin + w.end) / 2 == doctest::Approx(1100.5));
}

TEST_CASE("timeline: capped folding gives a zoomed-out lane many blocks, each its dominant state") {
  // main: 2000 cycles of a long sleep (9 µs) and a short run (1 µs) — mostly sleeping.
  Stream s;
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  for (int i = 0; i < 2000; ++i) {
    s.t += 1000;
    s.add(EventKind::TaskBlock, 1, 0, BlockReason::Sleep);
    s.t += 9000;
    s.add(EventKind::TaskUnblock, 1);
    s.add(EventKind::TaskRun, 1);
  }
  const auto segs = s.model.segments(0);
  Params p{Axis::Time, fit_all(s.model, Axis::Time), 600.0f, 3.0f, 12.0f};
  const Prepared out = prepare(s.model, p, {0}, index_of(s.model));
  const auto& items = out.lanes[0].items;
  CHECK(items.size() >= 600 / 16);  // blocks stop growing at ~12 px
  CHECK(items.size() <= 600 / 3 + 2);
  std::size_t covered = 0, sleeping = 0;
  for (const Item& it : items) {
    covered += it.count;
    CHECK(it.x1 - it.x0 <= 12.0f + 3.0f + 1.0f);
    CHECK(it.dominant >= it.first);
    CHECK(it.dominant < it.first + it.count);
    if (segs[it.dominant].state == rdv::model::TaskState::Sleeping) ++sleeping;
  }
  // Every segment in one item, but the last: it starts at the end of the stream (no width).
  CHECK(covered == segs.size() - 1);
  CHECK(sleeping >= items.size() * 9 / 10);  // the sleeps dominate, not the short runs
  check_tiling(out.lanes[0]);
  // Uncapped (max_fold_px 0): the old behaviour, a few wide blocks.
  Params wide = p;
  wide.max_fold_px = 0;
  CHECK(prepare(s.model, wide, {0}, index_of(s.model)).lanes[0].items.size() < items.size());
}

TEST_CASE("timeline: a reused Prepared gives the same layout as a fresh one") {
  const Stream s = sleeper(500);
  const rdv::session::timeline::ArrowIndex ix = index_of(s.model);
  Prepared reused;
  const std::vector<std::size_t> lanes = {0};
  Params far{Axis::EventOrder, fit_all(s.model, Axis::EventOrder), 300.0f, 3.0f, 12.0f};
  Params near{Axis::EventOrder, {100, 160}, 300.0f, 3.0f, 12.0f};
  for (const Params& p : {far, near, far}) {
    prepare(s.model, p, lanes, ix, reused);
    const Prepared fresh = prepare(s.model, p, lanes, ix);
    REQUIRE(reused.lanes.size() == fresh.lanes.size());
    CHECK(reused.lanes[0].items.size() == fresh.lanes[0].items.size());
    CHECK(reused.markers.size() == fresh.markers.size());
    CHECK(reused.arrows.size() == fresh.arrows.size());
  }
}

TEST_CASE("timeline: name stems") {
  CHECK(name_stem("worker-12") == "worker-");
  CHECK(name_stem("worker12") == "worker");
  CHECK(name_stem("main.main.func1") == "main.main.func1");  // Go's literal: one name
  CHECK(name_stem("main.worker.func12") == "main.worker.func12");
  CHECK(name_stem("job[3]") == "job[");
  CHECK(name_stem("main") == "main");
  CHECK(name_stem("42") == "42");
  CHECK(name_stem("") == "");
}

TEST_CASE("timeline: tasks named alike are grouped under one collapsible row") {
  // main, then worker-1..worker-20 interleaved with two loners and a pair (too few to group).
  Stream s;
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  rdv::sim::TaskId id = 2;
  for (int i = 1; i <= 20; ++i) {
    s.add(EventKind::TaskSpawn, id++, 0, BlockReason::None, 1, rdv::sim::kNoSeq,
          "worker-" + std::to_string(i));
    if (i == 5)
      s.add(EventKind::TaskSpawn, id++, 0, BlockReason::None, 1, rdv::sim::kNoSeq, "logger");
    if (i == 6 || i == 7) {
      s.add(EventKind::TaskSpawn, id++, 0, BlockReason::None, 1, rdv::sim::kNoSeq,
            "pair" + std::to_string(i));
    }
  }
  for (int i = 1; i <= 3; ++i) {  // a small group: starts expanded
    s.add(EventKind::TaskSpawn, id++, 0, BlockReason::None, 1, rdv::sim::kNoSeq,
          "stage" + std::to_string(i));
  }
  Rows rows;
  rows.update(s.model);
  REQUIRE(rows.groups().size() == 2);
  const Group& workers = rows.groups()[0];
  CHECK(workers.stem == "worker-");
  CHECK(workers.members.size() == 20);
  CHECK_FALSE(workers.expanded);  // more than kExpandUpTo: collapsed
  CHECK(rows.groups()[1].stem == "stage");
  CHECK(rows.groups()[1].expanded);
  // main, [worker- ×20], logger, pair6, pair7, [stage ×3], stage1..3
  const auto& r = rows.rows();
  REQUIRE(r.size() == 9);
  CHECK(r[0].task_index == 0);
  CHECK_FALSE(r[0].header);
  CHECK(r[1].header);
  CHECK(r[1].group == 0);
  CHECK(s.model.str(s.model.head().tasks[r[2].task_index].name) == "logger");
  CHECK(r[5].header);
  CHECK(r[6].group == 1);
  CHECK_FALSE(r[6].header);

  // Expanding the workers puts their 20 rows after the header, in spawn order.
  rows.toggle(0);
  REQUIRE(rows.rows().size() == 29);
  CHECK(rows.rows()[2].task_index == workers.members[0]);
  CHECK(rows.rows()[21].task_index == rows.groups()[0].members[19]);
  // A new task of the group (a live run) keeps the flag the person chose.
  s.add(EventKind::TaskSpawn, id++, 0, BlockReason::None, 1, rdv::sim::kNoSeq, "worker-21");
  rows.update(s.model);
  CHECK(rows.groups()[0].expanded);
  CHECK(rows.rows().size() == 30);
  rows.set_all_expanded(false);
  CHECK(rows.rows().size() == 1 + 1 + 3 + 1);  // main, two headers... and the loners
}

TEST_CASE("timeline: the lanes end where the run ended, also for a task main left runnable") {
  Stream s;  // main starts a worker and returns; the program ends before the worker runs
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::TaskSpawn, 2, 0, BlockReason::None, 1, rdv::sim::kNoSeq, "worker");
  s.add(EventKind::TaskExit, 1);
  const auto end = s.add(EventKind::RunEnd, 0);
  for (const Axis axis : {Axis::EventOrder, Axis::Time}) {
    CAPTURE(static_cast<int>(axis));
    s.t = axis == Axis::Time ? 0 : s.t;
    const Window w = fit_all(s.model, axis);
    const Params p{axis, w, 600.0f, 3.0f};
    const Prepared out = prepare(s.model, p, {0, 1}, index_of(s.model));
    const float end_x = to_x(p, axis == Axis::Time ? static_cast<double>(s.model.events()[end].t)
                                                   : static_cast<double>(end));
    for (const Lane& lane : out.lanes) {
      REQUIRE(!lane.items.empty());
      CHECK(lane.items.back().x1 <= end_x + 0.01f);
    }
    // The worker's lane reaches the end: it was alive (runnable) until the program ended.
    CHECK(out.lanes[1].items.back().x1 == doctest::Approx(end_x));
  }
  // While the run goes on (no RunEnd yet), the lanes run to the last event drawn.
  Params open{Axis::EventOrder, Window{0, 5}, 500.0f, 3.0f};
  open.limit = end;
  const Prepared live = prepare(s.model, open, {1}, index_of(s.model));
  CHECK(live.lanes[0].items.back().x1 == doctest::Approx(to_x(open, static_cast<double>(end))));
}

TEST_CASE("timeline: with a limit (the future hidden) nothing is drawn at or after it") {
  Stream s = sleeper(100);  // 302 events
  const Window all = fit_all(s.model, Axis::EventOrder);
  Params p{Axis::EventOrder, all, 600.0f, 3.0f};
  p.limit = 100;
  const Prepared out = prepare(s.model, p, {0}, index_of(s.model));
  REQUIRE(!out.lanes[0].items.empty());
  const float cut = to_x(p, 100.0);
  for (const Item& it : out.lanes[0].items) {
    CHECK(it.seq_end <= 100);
    CHECK(it.x1 <= cut + 0.01f);
  }
  // Without it the lane runs to the end.
  p.limit = SIZE_MAX;
  const Prepared whole = prepare(s.model, p, {0}, index_of(s.model));
  CHECK(whole.lanes[0].items.back().x1 > cut + 100.0f);
}

TEST_CASE(
    "timeline: on the time axis a zero-time hand-off keeps its arrow, and a timer's send "
    "comes from the receiver's lane") {
  Stream s;  // everything at t = 0 except the timer's firing
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::ChanMake, 1, 1, BlockReason::None, 0, rdv::sim::kNoSeq, "results");
  s.add(EventKind::TaskSpawn, 2, 0, BlockReason::None, 1, rdv::sim::kNoSeq, "worker");
  s.add(EventKind::TaskBlock, 1, 1, BlockReason::ChanRecv);
  s.add(EventKind::TaskRun, 2);
  const auto send = s.add(EventKind::ChanSend, 2, 1, BlockReason::None, 1);
  s.add(EventKind::ChanRecv, 1, 1, BlockReason::None, 2, send);
  s.add(EventKind::TaskUnblock, 1, 1, BlockReason::None, 2);
  s.add(EventKind::TaskExit, 2);
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::ChanMake, 1, 2, BlockReason::None, 0, rdv::sim::kNoSeq, "after(1s)");
  s.add(EventKind::TaskBlock, 1, 2, BlockReason::ChanRecv);
  s.t = 1'000'000'000;
  const auto fire = s.add(EventKind::ChanSend, 0, 2, BlockReason::None, 1);
  s.add(EventKind::ChanRecv, 1, 2, BlockReason::None, 0, fire);
  s.add(EventKind::TaskUnblock, 1, 2);
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::TaskExit, 1);
  s.t += 1'000'000;
  s.add(EventKind::RunEnd, 0);
  Params p{Axis::Time, fit_all(s.model, Axis::Time), 800.0f, 3.0f};
  const Prepared out = prepare(s.model, p, {0, 1}, index_of(s.model));
  int hand_offs = 0, timers = 0;
  for (const PreparedArrow& a : out.arrows) {
    if (a.kind != rdv::model::ArrowKind::Send) continue;
    if (a.from_timer) {
      ++timers;
      CHECK(a.from_lane == a.to_lane);
      CHECK(a.to_lane == 0);
    } else {
      ++hand_offs;
      CHECK(a.from_lane == 1);
    }
  }
  CHECK(hand_offs == 1);  // a zero-width span at t = 0, folded, and drawn all the same
  CHECK(timers == 1);
}

TEST_CASE("timeline: markers of two kinds that alternate merge each with its own kind") {
  // A pcall loop: a panic and its recover, 20,000 times, on one lane 300 px wide.
  Stream s;
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  for (int i = 0; i < 20'000; ++i) {
    s.add(EventKind::Panic, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "again");
    s.add(EventKind::Recover, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "again");
  }
  const rdv::session::timeline::ArrowIndex ix = index_of(s.model);
  const Params p{Axis::EventOrder, fit_all(s.model, Axis::EventOrder), 300.0f, 3.0f, 12.0f};
  const Prepared out = prepare(s.model, p, {0}, ix);
  // At most one marker of each kind per 6 px: 2 kinds x 300 / 6, not 40,000.
  CHECK(out.markers.size() <= 2 * (300 / 6 + 1));
  std::uint32_t panics = 0, recovers = 0;
  for (const Marker& mk : out.markers) {
    (mk.kind == MarkerKind::Panic ? panics : recovers) += mk.count;
  }
  CHECK(panics == 20'000);
  CHECK(recovers == 20'000);
}

TEST_CASE("timeline: a marker of a task with no lane in view is not drawn as the run's") {
  // The worker panics and recovers; only main has a lane (the worker is in a folded group or
  // scrolled away). Its markers were given lane -1 and drawn as the run's "end".
  Stream s;
  s.add(EventKind::TaskSpawn, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main");
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::TaskSpawn, 2, 0, BlockReason::None, 1, rdv::sim::kNoSeq, "worker");
  s.add(EventKind::TaskRun, 2);
  s.add(EventKind::Panic, 2, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "boom");
  s.add(EventKind::Recover, 2, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "boom");
  s.add(EventKind::TaskExit, 2);
  s.add(EventKind::TaskRun, 1);
  s.add(EventKind::Panic, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main's");
  s.add(EventKind::Recover, 1, 0, BlockReason::None, 0, rdv::sim::kNoSeq, "main's");
  s.add(EventKind::TaskExit, 1);
  const auto end = s.add(EventKind::RunEnd, 0);
  const Params p{Axis::EventOrder, fit_all(s.model, Axis::EventOrder), 600.0f, 3.0f};
  const Prepared only_main = prepare(s.model, p, {0}, index_of(s.model));
  const Prepared both = prepare(s.model, p, {0, 1}, index_of(s.model));
  const auto run_wide = [](const Prepared& out) {
    std::vector<std::uint32_t> seqs;
    for (const Marker& mk : out.markers)
      if (mk.lane < 0) seqs.push_back(mk.seq);
    return seqs;
  };
  CHECK(run_wide(only_main) == std::vector<std::uint32_t>{end});
  CHECK(run_wide(both) == std::vector<std::uint32_t>{end});
  CHECK(only_main.markers.size() == 3);  // main's panic and recover, and the end
  CHECK(both.markers.size() == 5);
}
