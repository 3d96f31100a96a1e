// The Explorer tab in the real window (label `ui`, under Xvfb): `--explore N --screenshot`
// explores the deadlock gallery's and the WaitGroup misuse scenarios through the panel, opens
// the first failure's trace through File ▸ Open's path, and the picture shows the histogram.
// The app prints the panel's one-line result; the test reads the counts and the opened
// trace's outcome from it, and checks the picture for the outcome's bar colour.
#include "tests/ui/process.h"
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
  std::vector<std::string> argv;
  const char* display = std::getenv("DISPLAY");
  if (display == nullptr || display[0] == '\0') {
    for (std::string a : {"xvfb-run", "-a", "-n"}) argv.push_back(a);
    argv.push_back(std::to_string(100 + (::getpid() + 600) % 800));
    argv.emplace_back("-s");
    argv.emplace_back("-screen 0 1920x1080x24");
  }
  argv.emplace_back(RDV_EXE);
  argv.insert(argv.end(), args.begin(), args.end());
#ifdef RDV_APP_ENV
  return run_process(argv, {RDV_APP_ENV});
#else
  return run_process(argv);
#endif
}

std::uint64_t count_of(const std::string& out, const std::string& kind) {
  std::smatch m;
  const std::regex re("[:,] " + kind + " ([0-9]+)");
  REQUIRE_MESSAGE(std::regex_search(out, m, re), "no '" << kind << " N' in: " << out);
  return std::stoull(m[1].str());
}

// True when some pixel of the box (fractions of the image) is within 30 of `colour`.
bool has_colour(const std::string& png, ImU32 colour, float x0, float y0, float x1, float y1) {
  int w = 0, h = 0, n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px(stbi_load(png.c_str(), &w, &h, &n, 3),
                                                     stbi_image_free);
  REQUIRE_MESSAGE(px != nullptr, "cannot read " << png);
  const int r = static_cast<int>(colour & 0xff), g = static_cast<int>((colour >> 8) & 0xff),
            b = static_cast<int>((colour >> 16) & 0xff);
  const int ya = static_cast<int>(y0 * static_cast<float>(h)),
            yb = static_cast<int>(y1 * static_cast<float>(h));
  const int xa = static_cast<int>(x0 * static_cast<float>(w)),
            xb = static_cast<int>(x1 * static_cast<float>(w));
  for (int y = ya; y < yb; ++y) {
    for (int x = xa; x < xb; ++x) {
      const unsigned char* p =
          px.get() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                      static_cast<std::size_t>(x)) *
                         3;
      if (std::abs(p[0] - r) + std::abs(p[1] - g) + std::abs(p[2] - b) <= 30) return true;
    }
  }
  return false;
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
