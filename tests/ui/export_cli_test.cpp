// The command line's pictures for slides (#19) in the real window (label `ui`): `--export-gif`
// renders the run step by step through the window's drawing code into a GIF that giflib
// decodes with one frame per step, and `--screenshot --pane` writes one pane. Pixels are
// checked: the channel's buffer slots fill between the frames, and a GIF frame is what a
// screenshot of the same pane at the same step shows.
#include "tests/support/app_run.h"
#include "tests/support/process.h"

#include <doctest/doctest.h>
#include <gif_lib.h>
#include <stb_image.h>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using rdv::test::run_process;
using rdv::test::temp_folder;
namespace fs = std::filesystem;

namespace {

rdv::test::ProcessResult run_app(const std::vector<std::string>& args) {
  return rdv::test::run_app(args, 300);
}

// Runs the app with `args`, which must succeed (what it printed to stderr shows if it does not).
void run_app_ok(const std::vector<std::string>& args) {
  const auto r = run_app(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

const std::string kScenario = RDV_SOURCE_DIR "/scenarios/2.1b-buffered-channel.lua";

// An RGB picture.
struct Rgb {
  int width = 0, height = 0;
  std::vector<unsigned char> px;  // width * height * 3
  const unsigned char* at(int x, int y) const {
    return px.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                        static_cast<std::size_t>(x)) *
                           3;
  }
  // Pixels within 12 (sum of channel differences) of r, g, b.
  int count(int r, int g, int b) const {
    int n = 0;
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        const unsigned char* p = at(x, y);
        n += std::abs(p[0] - r) + std::abs(p[1] - g) + std::abs(p[2] - b) <= 12 ? 1 : 0;
      }
    return n;
  }
};

Rgb load_png(const std::string& path) {
  Rgb out;
  int n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px(
      stbi_load(path.c_str(), &out.width, &out.height, &n, 3), stbi_image_free);
  REQUIRE(px != nullptr);
  out.px.assign(px.get(), px.get() + static_cast<std::size_t>(out.width * out.height * 3));
  return out;
}

// Every frame of a GIF as a viewer shows it (each drawn over the ones before).
std::vector<Rgb> load_gif(const std::string& path, int* width, int* height) {
  int error = 0;
  GifFileType* gif = DGifOpenFileName(path.c_str(), &error);
  REQUIRE(gif != nullptr);
  REQUIRE(DGifSlurp(gif) == GIF_OK);
  *width = gif->SWidth;
  *height = gif->SHeight;
  Rgb canvas{gif->SWidth, gif->SHeight,
             std::vector<unsigned char>(static_cast<std::size_t>(gif->SWidth * gif->SHeight * 3))};
  std::vector<Rgb> frames;
  for (int i = 0; i < gif->ImageCount; ++i) {
    const SavedImage& im = gif->SavedImages[i];
    GraphicsControlBlock gcb{};
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    DGifSavedExtensionToGCB(gif, i, &gcb);
    const ColorMapObject* map = im.ImageDesc.ColorMap ? im.ImageDesc.ColorMap : gif->SColorMap;
    REQUIRE(map != nullptr);
    for (int y = 0; y < im.ImageDesc.Height; ++y)
      for (int x = 0; x < im.ImageDesc.Width; ++x) {
        const int index = im.RasterBits[y * im.ImageDesc.Width + x];
        if (index == gcb.TransparentColor) continue;
        unsigned char* p = canvas.px.data() +
                           static_cast<std::size_t>(
                               ((im.ImageDesc.Top + y) * canvas.width + im.ImageDesc.Left + x) * 3);
        p[0] = map->Colors[index].Red;
        p[1] = map->Colors[index].Green;
        p[2] = map->Colors[index].Blue;
      }
    frames.push_back(canvas);
  }
  DGifCloseFile(gif, &error);
  return frames;
}

// The Channels panel's colour of a buffer slot holding a value (ui/channels_panel.cpp).
constexpr int kSlotFull[3] = {70, 62, 40};

}  // namespace

TEST_CASE("--export-gif: one frame per step of the Channels pane, the buffer fills between them") {
  const std::string dir = temp_folder("export_gif");
  const std::string gif = dir + "/buffer.gif";
  // Events 12 and 20 of this run: one value in mailbox's buffer, then two (a full buffer).
  run_app_ok({kScenario, "--export-gif", gif, "--from", "12", "--to", "20", "--delay", "400",
              "--pane", "Channels"});
  int w = 0, h = 0;
  const std::vector<Rgb> frames = load_gif(gif, &w, &h);
  CHECK(frames.size() == 9);  // 20 - 12 + 1
  CHECK(w < 1600);            // the pane, not the 1600x900 window
  CHECK(w > 300);
  CHECK(h > 300);
  REQUIRE(frames.size() == 9);
  const int one = frames.front().count(kSlotFull[0], kSlotFull[1], kSlotFull[2]);
  const int two = frames.back().count(kSlotFull[0], kSlotFull[1], kSlotFull[2]);
  CHECK(one > 100);          // a slot with a value at event 12
  CHECK(two > one * 3 / 2);  // both slots full at event 20

  // The last frame is what a screenshot of the pane at event 20 shows.
  const std::string png = dir + "/at20.png";
  run_app_ok({kScenario, "--screenshot", png, "--at", "20", "--pane", "Channels"});
  const Rgb shot = load_png(png);
  REQUIRE(shot.width == w);
  REQUIRE(shot.height == h);
  long long diff = 0;
  for (std::size_t i = 0; i < shot.px.size(); ++i)
    diff += std::abs(static_cast<int>(shot.px[i]) - static_cast<int>(frames.back().px[i]));
  CHECK(static_cast<double>(diff) / static_cast<double>(shot.px.size()) < 2.0);

  // --scale: the same frames at half the size.
  const std::string half = dir + "/half.gif";
  run_app_ok({kScenario, "--export-gif", half, "--from", "19", "--to", "end", "--pane", "Channels",
              "--scale", "0.5"});
  int hw = 0, hh = 0;
  const auto half_frames = load_gif(half, &hw, &hh);
  CHECK(std::abs(hw - w / 2) <= 1);
  CHECK(std::abs(hh - h / 2) <= 1);
  CHECK(half_frames.size() >= 2);
  fs::remove_all(dir);
}

TEST_CASE("--screenshot --pane: the PNG is that pane of the window's picture") {
  const std::string dir = temp_folder("export_pane");
  const std::string whole = dir + "/whole.png", pane = dir + "/pane.png";
  run_app_ok({kScenario, "--screenshot", whole, "--at", "20"});
  run_app_ok({kScenario, "--screenshot", pane, "--at", "20", "--pane", "Channels"});
  const Rgb w = load_png(whole), p = load_png(pane);
  REQUIRE(p.width < w.width);
  REQUIRE(p.height < w.height);
  CHECK(p.count(kSlotFull[0], kSlotFull[1], kSlotFull[2]) > 100);  // the full buffer
  // Find the pane in the window's picture: every pixel the same at one place.
  bool found = false;
  for (int y = 0; y + p.height <= w.height && !found; ++y)
    for (int x = 0; x + p.width <= w.width && !found; ++x) {
      if (std::memcmp(w.at(x, y), p.at(0, 0), 3) != 0) continue;
      bool same = true;
      for (int j = 0; j < p.height && same; ++j)
        same = std::memcmp(w.at(x, y + j), p.at(0, j), static_cast<std::size_t>(p.width) * 3) == 0;
      found = same;
    }
  CHECK(found);
  fs::remove_all(dir);
}

TEST_CASE("--export-gif: a bad output path or pane is a clear error with exit code 1") {
  const auto r = run_app({kScenario, "--export-gif", "/nonexistent-folder/run.gif"});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "rendezvous: /nonexistent-folder/run.gif: cannot write: no folder "
        "/nonexistent-folder\n");
  CHECK_FALSE(fs::exists("/nonexistent-folder/run.gif"));

  const std::string dir = temp_folder("export_bad");
  const auto p = run_app({kScenario, "--export-gif", dir + "/x.gif", "--pane", "Nothing"});
  CHECK(p.exit_code == 1);
  CHECK(p.err.find("--pane: no tab named 'Nothing'; the tabs are:") != std::string::npos);
  CHECK(p.err.find("'Channels'") != std::string::npos);
  const auto f = run_app({kScenario, "--export-gif", dir + "/x.gif", "--from", "30", "--to", "3"});
  CHECK(f.exit_code == 1);
  CHECK(f.err.find("after the last") != std::string::npos);
  CHECK(fs::is_empty(dir));
  const auto d = run_app({kScenario, "--from", "3"});  // --from without --export-gif
  CHECK(d.exit_code == 1);
  fs::remove_all(dir);
}
