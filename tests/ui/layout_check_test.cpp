// The layout check over the classroom's scenarios (#19 item 7): at the events issue 19 names and
// at each run's end, in the default layout at 1600x900 and the lecture layout at 1920x1080, no
// text is cut off at its pane's edge or drawn over other text, and the stuck banner names only
// panes that highlight something (ui/layout_check.h, `--check-layout`, `--check-at`).
#include "tests/support/app_run.h"
#include "tests/support/process.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

using rdv::test::run_process;
using rdv::test::temp_folder;

namespace {

rdv::test::ProcessResult run_app(const std::vector<std::string>& args) {
  return rdv::test::run_app(args, 700);
}

// Checks `file` at `events` and at its end in both layouts; extra arguments (e.g. --preempt).
void check_scenario(const std::string& file, const std::vector<int>& events,
                    const std::vector<std::string>& extra = {}) {
  const std::string dir = temp_folder("layout-check");
  for (const char* layout : {"default", "lecture"}) {
    CAPTURE(layout);
    std::vector<std::string> args = {RDV_SOURCE_DIR "/scenarios/" + file,
                                     "--screenshot",
                                     dir + "/" + layout + ".png",
                                     "--size",
                                     std::string(layout) == "lecture" ? "1920x1080" : "1600x900",
                                     "--layout",
                                     layout,
                                     "--seed",
                                     "1",
                                     "--check-layout"};
    for (int n : events) {
      args.emplace_back("--check-at");
      args.push_back(std::to_string(n));
    }
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_app(args);
    INFO(r.out);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("layout:") == std::string::npos);
  }
}

}  // namespace

TEST_CASE("layout check: 2.1 unbuffered rendezvous, nothing cut or overlapping") {
  check_scenario("2.1-unbuffered-rendezvous.lua", {0, 3, 9, 15});
}
TEST_CASE("layout check: 2.3 fan-in with timeout, nothing cut or overlapping") {
  check_scenario("2.3-fanin-timeout-leak.lua", {21, 45, 56});
}
TEST_CASE("layout check: 2.5 error cancel cascade, nothing cut or overlapping") {
  check_scenario("2.5-error-cancel-cascade.lua", {38, 60});
}
TEST_CASE("layout check: 3.1d WaitGroup mismatch, nothing cut or overlapping") {
  check_scenario("3.1d-waitgroup-add-done-mismatch.lua", {9, 20});
}
TEST_CASE("layout check: 4.2b lost update per line, nothing cut or overlapping") {
  check_scenario("4.2b-lost-update.lua", {20, 50}, {"--preempt", "line", "--tab", "Variables"});
}
TEST_CASE("layout check: 4.2c lock-order deadlock, nothing cut or overlapping") {
  check_scenario("4.2c-deadlock-lock-order.lua", {0, 12, 20});
}
// At 1280x720 the timeline pane is three lanes high: the run's "deadlock" (and its end) once went
// over the last lane's span label ("Mut|deadlock|ts"); a line under the lanes is kept for it now.
TEST_CASE("layout check: 4.2c in Go at 1280x720, the deadlock's word under the timeline's lanes") {
  const std::string dir = temp_folder("layout-small");
  const auto r = run_app({RDV_SOURCE_DIR "/scenarios/4.2c-deadlock-lock-order.go", "--screenshot",
                          dir + "/small.png", "--size", "1280x720", "--seed", "1", "--tab",
                          "Timeline", "--at", "end", "--check-layout"});
  INFO(r.out);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("layout:") == std::string::npos);
}
// At 1280x720 a timer's "fired", a cancel's name and a span's label fell on one another where
// they met in a lane (4.1c: "select" under "time.After(1s) fired"; 5.4: "cancel context ctx"
// over "time.After(50ms) fired"), a cancel's name was cut at the plot's right edge (5.1), and a
// folded group's markers were drawn as the run's "end" (5.4). Each of these runs, at its end.
TEST_CASE(
    "layout check: at 1280x720 the timeline's labels in Go runs neither overlap nor are cut") {
  const std::string dir = temp_folder("layout-labels");
  for (const char* file :
       {"2.5-error-cancel-cascade.go", "4.1c-select-timeout.go", "5.1-gateway-fanout-timeouts.go",
        "5.3-circuit-breaker.go", "5.4-chaos-toggle.go"}) {
    CAPTURE(file);
    const auto r =
        run_app({RDV_SOURCE_DIR "/scenarios/" + std::string(file), "--screenshot",
                 dir + "/shot.png", "--size", "1280x720", "--seed", "1", "--check-layout"});
    INFO(r.out);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("layout:") == std::string::npos);
  }
}
// At 1280x720 task names of two words ("fetch gamma", "check cheese") were clipped mid-letter
// at the name column's edge; they wrap between their words now.
TEST_CASE("layout check: at 1280x720 the Tasks pane's names wrap at words, never clipped") {
  const std::string dir = temp_folder("layout-names");
  for (const char* file :
       {"1.2-result-with-error.lua", "4.1-select-multiplex.lua", "5.4-chaos-toggle.lua"}) {
    CAPTURE(file);
    const auto r = run_app({RDV_SOURCE_DIR "/scenarios/" + std::string(file), "--screenshot",
                            dir + "/shot.png", "--size", "1280x720", "--seed", "1", "--at", "30",
                            "--check-layout", "--check-at", "10"});
    INFO(r.out);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("layout:") == std::string::npos);
  }
}
TEST_CASE("layout check: 4.3 limited concurrency, nothing cut or overlapping") {
  check_scenario("4.3-limited-concurrency-ordered.lua", {30, 62});
}
