// Time travel through the controller, without a window: the state every panel draws (the
// controller's state() at its cursor) after going back to event k equals the state after
// stepping forward to k, over every shipped scenario, a run long enough to cross the model's
// snapshots, a loaded trace, a live run still being recorded and an interactive one.
#include "session/controller.h"
#include "tests/support/controller_run.h"
#include "tests/support/files_in.h"
#include "tests/support/read_file.h"
#include "tests/support/scenario.h"
#include "tests/support/scratch.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

using namespace rdv::session;
using rdv::model::State;
namespace fs = std::filesystem;

namespace {

const std::string kScenarios = RDV_SOURCE_DIR "/scenarios/";

using rdv::test::open_interactive;
using rdv::test::read_file;
using rdv::test::until_asked;
using rdv::test::update_until;

// Steps forward from 0 to the end with Step (→), keeping the state after each event; then back
// to 0 with Step back (←), comparing; then random jumps (the scrubber), comparing again.
// Returns the number of events.
std::size_t check_both_ways(Controller& c, std::uint64_t seed) {
  const std::size_t n = c.model().size();
  c.request_seek(0);
  c.update(0.0);
  std::vector<State> forward;
  forward.reserve(n + 1);
  forward.push_back(c.state());
  CHECK(c.state().applied == 0);
  for (std::size_t k = 1; k <= n; ++k) {
    c.request_step();
    c.update(0.0);
    REQUIRE(c.view().cursor == k);
    REQUIRE(c.state().applied == k);
    forward.push_back(c.state());
  }
  CHECK(forward.back() == c.model().head());
  // Backwards, one event at a time (each a jump back to a snapshot and forward from it).
  // Long runs: every event near the end and near each snapshot, a stride elsewhere.
  const std::size_t stride = n > 3000 ? 7 : 1;
  std::size_t compared = 0;
  for (std::size_t k = n; k-- > 0;) {
    if (k % stride != 0 && k + 50 < n && k % 4096 > 50 && k % 4096 < 4046) continue;
    if (c.view().cursor == k + 1) {
      c.request_step_back();
    } else {
      c.request_seek(k);  // a stride back
    }
    REQUIRE(c.view().cursor == k);
    c.update(0.0);
    INFO("back to k = " << k << " of " << n);
    REQUIRE(c.state() == forward[k]);
    ++compared;
  }
  CHECK(compared > 0);
  // The scrubber: jumps in any direction, and the model's own states.
  std::mt19937_64 rng(seed);
  for (int i = 0; i < 60; ++i) {
    const std::size_t k = rng() % (n + 1);
    c.request_seek(k);
    INFO("jump to k = " << k);
    CHECK(c.state() == forward[k]);
    if (i % 6 == 0) CHECK(c.model().state_at(k) == forward[k]);
  }
  c.request_seek(n + 100);  // clamped
  CHECK(c.view().cursor == n);
  return n;
}

}  // namespace

TEST_CASE("time travel: back to event k equals forward to k, for every shipped scenario") {
  const std::vector<fs::path> files = rdv::test::files_in(kScenarios, ".lua");
  REQUIRE(files.size() >= 20);
  std::size_t total = 0;
  for (const fs::path& f : files) {
    INFO(f.filename().string());
    Controller c;
    c.open_script(f.string(), f.filename().string(), read_file(f.string()));
    REQUIRE(c.finish_blocking(std::chrono::seconds(30)));
    REQUIRE(c.model().size() > 0);
    total += check_both_ways(c, std::hash<std::string>{}(f.filename().string()));
  }
  MESSAGE(files.size() << " scenarios, " << total << " events, each compared both ways");
}

TEST_CASE("time travel: a long run crosses the model's snapshots both ways") {
  // A producer and a consumer through a buffered channel: about 12,000 events, so the model
  // keeps several snapshots and going back restarts from the nearest one.
  const std::string script = R"(
    local ch = chan(3, "queue")
    local wg = waitgroup()
    wg:add(1)
    go("producer", function()
      for i = 1, 3000 do ch:send(i) end
      ch:close()
      wg:done()
    end)
    local sum = 0
    for v in ch:range() do sum = sum + v end
    wg:wait()
    print(sum)
  )";
  Controller c;
  c.open_script("long.lua", "long.lua", script);
  REQUIRE(c.finish_blocking(std::chrono::seconds(60)));
  REQUIRE(c.model().head().outcome == rdv::sim::Outcome::Ok);
  REQUIRE(c.model().size() > 3 * 4096);
  CHECK(c.model().snapshot_count() >= 3);
  check_both_ways(c, 42);
}

TEST_CASE("time travel: a loaded trace goes both ways, like the run it recorded") {
  const std::string file = "2.5-error-cancel-cascade.lua";
  Controller run;
  rdv::test::open_scenario(run, file);
  REQUIRE(run.finish_blocking(std::chrono::seconds(30)));
  const std::string path = (rdv::test::scratch_root() / "tt.rdv.jsonl").string();
  std::string error;
  REQUIRE_MESSAGE(run.save_trace(path, &error), error);
  Controller c;
  REQUIRE_MESSAGE(c.open_trace(path, &error), error);
  fs::remove(path);
  CHECK(c.source_kind() == Source::Trace);
  REQUIRE(c.model().size() == run.model().size());
  check_both_ways(c, 7);
  // The same moments show the same tasks in the same states.
  for (const std::size_t k : {std::size_t{0}, c.model().size() / 3, c.model().size()}) {
    c.request_seek(k);
    run.request_seek(k);
    REQUIRE(c.state().tasks.size() == run.state().tasks.size());
    for (std::size_t i = 0; i < c.state().tasks.size(); ++i) {
      CHECK(c.state().tasks[i].state == run.state().tasks[i].state);
      CHECK(c.state().tasks[i].line == run.state().tasks[i].line);
    }
    CHECK(c.state().contexts.size() == run.state().contexts.size());
  }
}

TEST_CASE("time travel: go to the selected event") {
  const std::string file = "2.1-unbuffered-rendezvous.lua";
  Controller c;
  rdv::test::open_scenario(c, file);
  REQUIRE(c.finish_blocking(std::chrono::seconds(30)));
  CHECK_FALSE(c.request_go_to_selected());  // nothing selected
  c.request_seek(c.model().size());
  c.view().selected = 3;
  CHECK(c.request_go_to_selected());
  CHECK(c.view().cursor == 4);
  CHECK(c.state() == c.model().state_after(3));
  c.view().selected = c.model().size() + 5;  // stale: ignored
  CHECK_FALSE(c.request_go_to_selected());
  CHECK(c.view().cursor == 4);
}

TEST_CASE("time travel: a live run is scrubbed while it is still being recorded") {
  // Live mode, slowed down: about a second of wall time with events throughout.
  const std::string script = R"(
    local ch = chan(1, "ticks")
    go("ticker", function()
      for i = 1, 40 do sleep(20 * ms); ch:send(i) end
      ch:close()
    end)
    for v in ch:range() do print(v) end
  )";
  Controller c;
  RunSettings s;
  s.mode = rdv::sim::Mode::Live;
  s.time_scale = 1.0f;
  c.apply_settings(s);
  c.open_script("live.lua", "live.lua", script);
  REQUIRE(c.view().follow);
  REQUIRE(update_until(c, [&] { return c.model().size() >= 30 || c.run_ended(); }));
  REQUIRE_FALSE(c.run_ended());
  // Go back while it runs: the cursor stays, the model keeps growing.
  const std::size_t k = 12;
  c.request_seek(k);
  const std::size_t seen = c.model().size();
  REQUIRE(update_until(c, [&] { return c.model().size() > seen + 10 || c.run_ended(); }));
  CHECK(c.view().cursor == k);
  CHECK(c.state() == c.model().state_at(k));
  c.request_step_back();
  c.update(0.0);
  CHECK(c.state() == c.model().state_at(k - 1));
  c.request_step();
  c.update(0.0);
  CHECK(c.state() == c.model().state_at(k));
  // End (Run to end) follows the run again, to its end.
  c.request_run_to_end();
  REQUIRE(update_until(c, [&] { return c.run_ended(); }));
  c.update(0.0);
  CHECK(c.at_end());
  CHECK(c.state() == c.model().head());
}

TEST_CASE("time travel: in interactive mode, Step after going back replays, then follows") {
  Controller c;
  open_interactive(c, "3.1-waitgroup-batch.lua");
  // Make a few choices.
  for (int i = 0; i < 3; ++i) {
    REQUIRE(until_asked(c));
    if (c.run_ended()) break;
    c.request_step();
  }
  REQUIRE(until_asked(c));
  REQUIRE_FALSE(c.run_ended());
  const std::size_t size = c.model().size();
  REQUIRE(size >= 3);
  REQUIRE(c.view().cursor == size);
  c.request_seek(1);
  CHECK(c.state() == c.model().state_at(1));
  // Stepping forward goes through what was recorded without making a choice.
  for (std::size_t k = 2; k <= size; ++k) {
    c.request_step();
    c.update(0.0);
    CHECK(c.view().cursor == k);
    CHECK(c.model().size() == size);
  }
  CHECK(c.view().follow);  // at the newest event: following again
  c.request_step();        // now a real step: the run goes on
  REQUIRE(update_until(c, [&] { return c.model().size() > size || c.run_ended(); }));
}
