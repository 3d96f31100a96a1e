// Screenshots of the real window (label `ui`): `rendezvous --screenshot` renders the browser
// off screen and the PNG is checked for size and content. Uses the running X server when
// DISPLAY is set, else starts one with xvfb-run.
#include "tests/support/app_run.h"
#include "tests/support/process.h"
#include "ui/theme.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>

using rdv::test::run_process;
using rdv::test::temp_folder;
namespace fs = std::filesystem;
namespace palette = rdv::ui::palette;

namespace {

// Runs rendezvous with `args`; with `seconds` > 0 the app is stopped (exit code 124) after that
// long.
rdv::test::ProcessResult run_app(const std::vector<std::string>& args,
                                 const std::vector<std::string>& env, int seconds = 0) {
  rdv::test::AppRun how;
  how.env = env;
  how.seconds = seconds;
  return rdv::test::run_app(args, how);
}

struct Image {
  int width = 0;
  int height = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};

  unsigned rgb(int x, int y) const {
    const unsigned char* p =
        pixels.get() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                        static_cast<std::size_t>(x)) *
                           3;
    return (unsigned{p[0]} << 16) | (unsigned{p[1]} << 8) | p[2];
  }
  // True when a pixel close to `colour` (an ImGui IM_COL32) is in the box given as fractions.
  // Thin glyphs rarely reach their full colour: `tolerance` is a sum of channel differences.
  bool has_colour(ImU32 colour, float x0, float y0, float x1, float y1, int tolerance = 24) const {
    const int r = static_cast<int>(colour & 0xff), g = static_cast<int>((colour >> 8) & 0xff),
              b = static_cast<int>((colour >> 16) & 0xff);
    for (int y = static_cast<int>(y0 * static_cast<float>(height));
         y < static_cast<int>(y1 * static_cast<float>(height)); ++y) {
      for (int x = static_cast<int>(x0 * static_cast<float>(width));
           x < static_cast<int>(x1 * static_cast<float>(width)); ++x) {
        const unsigned c = rgb(x, y);
        const int dr = static_cast<int>(c >> 16) - r, dg = static_cast<int>((c >> 8) & 0xff) - g,
                  db = static_cast<int>(c & 0xff) - b;
        if (std::abs(dr) + std::abs(dg) + std::abs(db) <= tolerance) return true;
      }
    }
    return false;
  }
  std::size_t distinct_colours() const {
    std::set<unsigned> seen;
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) seen.insert(rgb(x, y));
    return seen.size();
  }
};

Image load_png(const std::string& path) {
  Image img;
  int channels = 0;
  img.pixels.reset(stbi_load(path.c_str(), &img.width, &img.height, &channels, 3));
  return img;
}

}  // namespace

TEST_CASE("screenshot: the browser at the requested size, with a coloured source") {
  const std::string dir = temp_folder("shot");
  const std::string png = dir + "/browser.png";
  const auto r = run_app(
      {"scenarios/2.1-unbuffered-rendezvous.lua", "--screenshot", png, "--size", "1280x720"},
      {"XDG_CONFIG_HOME=" + dir + "/config"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const Image img = load_png(png);
  REQUIRE(img.pixels);
  CHECK(img.width == 1280);
  CHECK(img.height == 720);
  CHECK(img.distinct_colours() > 50);  // not blank: text is antialiased in many shades

  // Left column, lower half: the source pane with every syntax colour of the scenario.
  for (ImU32 c : {palette::kKeyword, palette::kString, palette::kComment, palette::kNumber,
                  palette::kApi, palette::kMethod, palette::kLineNumber}) {
    CAPTURE(c);
    CHECK(img.has_colour(c, 0.0f, 0.40f, 0.45f, 1.0f));
  }
  // Left column, upper part: chapters in the accent colour. Centre: the title in bright text.
  CHECK(img.has_colour(palette::kAccent, 0.0f, 0.05f, 0.45f, 0.40f, 60));
  CHECK(img.has_colour(palette::kText, 0.46f, 0.05f, 1.0f, 0.2f));
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
  const auto r = run_app({"--scenarios", dir, "--screenshot", png}, {});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const Image img = load_png(png);
  REQUIRE(img.pixels);
  CHECK(img.width == 1600);
  CHECK(img.height == 900);
  CHECK(img.has_colour(palette::kError, 0.0f, 0.05f, 0.45f, 0.40f));
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
