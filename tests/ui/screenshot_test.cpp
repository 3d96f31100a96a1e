// Screenshots of the real window (label `ui`): `rendezvous --screenshot` renders the browser
// off screen and the PNG is checked for size and content. Uses the running X server when
// DISPLAY is set, else starts one with xvfb-run.
#include "tests/support/app_shot.h"
#include "tests/support/process.h"
#include "ui/theme.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

using rdv::test::run_process;
using rdv::test::temp_folder;
namespace fs = std::filesystem;
namespace palette = rdv::ui::palette;

namespace {

using rdv::test::Image;
using rdv::test::load_png;

// Thin glyphs rarely reach their full colour: has_colour's tolerance here is 24 (a sum of channel
// differences).
constexpr int kTolerance = 24;

// Runs rendezvous with `args`; with `seconds` > 0 the app is stopped (exit code 124) after that
// long.
rdv::test::ProcessResult run_app(const std::vector<std::string>& args,
                                 const std::vector<std::string>& env, int seconds = 0) {
  rdv::test::AppRun how;
  how.env = env;
  how.seconds = seconds;
  return rdv::test::run_app(args, how);
}
}  // namespace

TEST_CASE("screenshot: the browser at the requested size, with a coloured source") {
  const std::string dir = temp_folder("shot");
  const std::string png = dir + "/browser.png";
  rdv::test::AppRun how;
  how.env = {"XDG_CONFIG_HOME=" + dir + "/config"};
  const Image img = rdv::test::take_picture(
      {"scenarios/2.1-unbuffered-rendezvous.lua", "--screenshot", png, "--size", "1280x720"}, png,
      1280, 720, how);
  CHECK(img.distinct_colours() > 50);  // not blank: text is antialiased in many shades

  // Left column, lower half: the source pane with every syntax colour of the scenario.
  for (ImU32 c : {palette::kKeyword, palette::kString, palette::kComment, palette::kNumber,
                  palette::kApi, palette::kMethod, palette::kLineNumber}) {
    CAPTURE(c);
    CHECK(img.has_colour(c, 0.0f, 0.40f, 0.45f, 1.0f, kTolerance));
  }
  // Left column, upper part: chapters in the accent colour. Centre: the title in bright text.
  CHECK(img.has_colour(palette::kAccent, 0.0f, 0.05f, 0.45f, 0.40f, 60));
  CHECK(img.has_colour(palette::kText, 0.46f, 0.05f, 1.0f, 0.2f, kTolerance));
  // A screenshot neither reads nor writes the user's layout.
  CHECK_FALSE(fs::exists(dir + "/config"));
  fs::remove_all(dir);
}

TEST_CASE("screenshot: --zoom draws the whole UI larger, fonts rasterised at the new size") {
  const std::string dir = temp_folder("zoom");
  // The menu bar's height (its own background colour down the right edge) at a zoom.
  const auto menu_bar_height = [&](const std::string& zoom) {
    const std::string png = dir + "/zoom" + zoom + ".png";
    const auto r = run_app({"scenarios/2.1-unbuffered-rendezvous.lua", "--screenshot", png,
                            "--size", "1280x720", "--zoom", zoom},
                           {"XDG_CONFIG_HOME=" + dir + "/config"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const Image img = load_png(png);
    REQUIRE(img.pixels);
    CHECK(img.width == 1280);  // the picture keeps its size; what is in it grows
    const unsigned menu_bg = img.rgb(img.width - 3, 1);
    int h = 0;
    while (h < img.height && img.rgb(img.width - 3, h) == menu_bg) ++h;
    return h;
  };
  const int normal = menu_bar_height("1");
  const int zoomed = menu_bar_height("1.5");
  CAPTURE(normal);
  CAPTURE(zoomed);
  CHECK(normal > 10);
  CHECK(static_cast<double>(zoomed) >= 1.35 * static_cast<double>(normal));
  CHECK(static_cast<double>(zoomed) <= 1.65 * static_cast<double>(normal));
  fs::remove_all(dir);
}

TEST_CASE("screenshot: default size, and broken scenarios are listed with their error") {
  const std::string dir = temp_folder("broken");
  std::ofstream(dir + "/1-ok.lua") << "scenario { title = 'Fine', chapter = '1' }\nprint(1)\n";
  std::ofstream(dir + "/2-code.lua") << "scenario { title = os.exit(3) }\n";
  std::ofstream(dir + "/3-open.lua") << "scenario { title = [[never closed\n";
  std::ofstream(dir + "/4-binary.lua") << std::string("\x00\xff\x80\n--[[", 8);
  const std::string png = dir + "/out.png";
  // No --size: the default, 1600x900.
  const Image img =
      rdv::test::take_picture({"--scenarios", dir, "--screenshot", png}, png, 1600, 900, {});
  CHECK(img.has_colour(palette::kError, 0.0f, 0.05f, 0.45f, 0.40f, kTolerance));
  fs::remove_all(dir);
}

TEST_CASE("screenshot: an unwritable output path is an error, not a crash") {
  const auto r = run_app({"--screenshot", "/no/such/dir/out.png", "--size", "320x240"}, {});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("/no/such/dir/out.png: cannot write") != std::string::npos);
}

TEST_CASE("window: the layout and last scenario are saved in the user's config folder") {
  const std::string dir = temp_folder("config");
  const bool ini_in_cwd = fs::exists("imgui.ini");
  // ImGui saves dirty settings 5 s after they change (here: at the first frame); the app is
  // stopped after 12, which leaves room for a slow start (sanitizers, a busy machine).
  const auto r =
      run_app({"scenarios/2.1-unbuffered-rendezvous.lua"}, {"XDG_CONFIG_HOME=" + dir}, 12);
  INFO(r.err);
  CHECK(r.exit_code == 124);  // still running when stopped: no crash, no early exit
  std::ifstream in(dir + "/rendezvous/imgui.ini");
  REQUIRE(in);
  const std::string ini((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(ini.find("[Rendezvous][Layout]") != std::string::npos);
  CHECK(ini.find("last_scenario=") != std::string::npos);
  CHECK(ini.find("2.1-unbuffered-rendezvous.lua") != std::string::npos);
  CHECK(fs::exists("imgui.ini") == ini_in_cwd);  // never the working directory
  fs::remove_all(dir);
}
