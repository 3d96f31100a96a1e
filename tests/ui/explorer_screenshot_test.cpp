// The Explorer tab in the real window (label `ui`, under Xvfb): `--explore N --screenshot`
// explores the deadlock gallery's and the WaitGroup misuse scenarios through the panel, opens
// the first failure's trace through File ▸ Open's path, and the picture shows the histogram.
// The app prints the panel's one-line result; the test reads the counts and the opened
// trace's outcome from it, and checks the picture for the outcome's bar colour.
#include "tests/support/app_shot.h"
#include "tests/support/process.h"
#include "ui/state_style.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>
#include <string>
#include <vector>

using rdv::test::run_process;
using rdv::test::temp_folder;

namespace {

rdv::test::ProcessResult run_app(const std::vector<std::string>& args) {
  return rdv::test::run_app(args, 600);
}

std::uint64_t count_of(const std::string& out, const std::string& kind) {
  std::smatch m;
  const std::regex re("[:,] " + kind + " ([0-9]+)");
  REQUIRE_MESSAGE(std::regex_search(out, m, re), "no '" << kind << " N' in: " << out);
  return std::stoull(m[1].str());
}

// True when some pixel of the box (fractions of the image) is within 30 of `colour`.
bool has_colour(const std::string& png, ImU32 colour, float x0, float y0, float x1, float y1) {
  const rdv::test::Image img = rdv::test::load_png(png);
  REQUIRE_MESSAGE(img.pixels != nullptr, "cannot read " << png);
  return img.has_colour(colour, x0, y0, x1, y1);
}

}  // namespace

TEST_CASE("explorer ui: the failing interleavings of the deadlock gallery and WaitGroup misuse") {
  struct Case {
    const char* file;
    const char* kind;  // the failure the explorer must find and open
  };
  const Case cases[] = {{"2.1c-deadlock-all-asleep.lua", "deadlock"},
                        {"2.2b-deadlock-range-without-close.lua", "deadlock"},
                        {"4.2c-deadlock-lock-order.lua", "deadlock"},
                        {"3.1b-waitgroup-add-inside-task.lua", "leak"},
                        {"3.1c-waitgroup-negative-counter.lua", "panic"},
                        {"3.1d-waitgroup-add-done-mismatch.lua", "deadlock"}};
  const std::string dir = temp_folder("explorer-ui");
  for (const Case& c : cases) {
    CAPTURE(c.file);
    const std::string png = dir + "/" + c.file + ".png";
    const auto r = run_app({std::string(RDV_SOURCE_DIR) + "/scenarios/" + c.file, "--screenshot",
                            png, "--explore", "200", "--tab", "Explorer"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("explorer: " + std::string(c.file) + ": 200 schedules") != std::string::npos);
    CHECK(count_of(r.out, c.kind) > 0);
    // The first failure's trace was opened, and the model it loaded ended that way.
    CHECK_MESSAGE(r.out.find("(outcome " + std::string(c.kind) + ")") != std::string::npos, r.out);
    CHECK(r.out.find(".rdv.jsonl") != std::string::npos);
    // The histogram's bar in the centre pane, in the outcome's colour (deadlock/panic red,
    // leak amber, as the Console banner).
    const rdv::sim::Outcome o = std::string(c.kind) == "leak"    ? rdv::sim::Outcome::Leak
                                : std::string(c.kind) == "panic" ? rdv::sim::Outcome::Panic
                                                                 : rdv::sim::Outcome::Deadlock;
    CHECK(has_colour(png, rdv::ui::outcome_colour(o), 0.41f, 0.05f, 0.70f, 0.70f));
  }
  std::filesystem::remove_all(dir);
}
