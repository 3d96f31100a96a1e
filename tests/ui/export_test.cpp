// Exporting pictures for slides (#19), without a window: the GIF writer (giflib + libimagequant)
// read back with giflib's DGifSlurp, the picture helpers, and File ▸ Export image / animation's
// steps in real ImGui frames (one picture per step from a to b, Cancel, errors), with the
// framebuffer the app would read back made up by the test.
#include "session/controller.h"
#include "tests/support/read_file.h"
#include "tests/support/scratch.h"
#include "tests/ui/imgui_frames.h"
#include "ui/export_actions.h"
#include "ui/gif_writer.h"
#include "ui/image.h"
#include "ui/shell.h"

#include <doctest/doctest.h>
#include <gif_lib.h>
#include <imgui.h>
#include <stb_image.h>
#include <sys/stat.h>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

using namespace rdv::session;
using namespace rdv::ui;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  return rdv::test::fresh_dir(name);
}

using rdv::test::read_file;
using rdv::test::shell_frame;

// A picture of one colour with a `w` x `h` box of another at (x, y).
Image picture(int width, int height, unsigned rgb, int x, int y, int w, int h, unsigned box) {
  Image img(width, height);
  for (int j = 0; j < height; ++j) {
    for (int i = 0; i < width; ++i) {
      const bool in = i >= x && i < x + w && j >= y && j < y + h;
      const unsigned c = in ? box : rgb;
      unsigned char* p = img.pixel(i, j);
      p[0] = static_cast<unsigned char>(c >> 16);
      p[1] = static_cast<unsigned char>(c >> 8);
      p[2] = static_cast<unsigned char>(c);
      p[3] = 255;
    }
  }
  return img;
}

// A decoded GIF: its frames drawn one over the other as a viewer shows them.
struct DecodedGif {
  int width = 0, height = 0, frames = 0;
  std::vector<int> delays_cs;
  std::vector<Image> shown;  // what each frame shows (RGBA)
  bool loops = false;
};

DecodedGif decode(const fs::path& path) {
  DecodedGif out;
  int error = 0;
  GifFileType* gif = DGifOpenFileName(path.c_str(), &error);
  REQUIRE(gif != nullptr);
  REQUIRE(DGifSlurp(gif) == GIF_OK);
  out.width = gif->SWidth;
  out.height = gif->SHeight;
  out.frames = gif->ImageCount;
  Image canvas(out.width, out.height);
  for (int i = 0; i < gif->ImageCount; ++i) {
    const SavedImage& im = gif->SavedImages[i];
    GraphicsControlBlock gcb{};
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    DGifSavedExtensionToGCB(gif, i, &gcb);
    out.delays_cs.push_back(gcb.DelayTime);
    const ColorMapObject* map = im.ImageDesc.ColorMap ? im.ImageDesc.ColorMap : gif->SColorMap;
    REQUIRE(map != nullptr);
    for (int y = 0; y < im.ImageDesc.Height; ++y) {
      for (int x = 0; x < im.ImageDesc.Width; ++x) {
        const int index = im.RasterBits[y * im.ImageDesc.Width + x];
        if (index == gcb.TransparentColor) continue;
        unsigned char* p = canvas.pixel(im.ImageDesc.Left + x, im.ImageDesc.Top + y);
        p[0] = map->Colors[index].Red;
        p[1] = map->Colors[index].Green;
        p[2] = map->Colors[index].Blue;
        p[3] = 255;
      }
    }
    out.shown.push_back(canvas);
    for (int e = 0; e < im.ExtensionBlockCount; ++e) {
      const ExtensionBlock& b = im.ExtensionBlocks[e];
      if (b.Function == APPLICATION_EXT_FUNC_CODE && b.ByteCount == 11 &&
          std::memcmp(b.Bytes, "NETSCAPE2.0", 11) == 0)
        out.loops = true;
    }
  }
  DGifCloseFile(gif, &error);
  return out;
}

unsigned rgb_at(const Image& img, int x, int y) {
  const unsigned char* p = img.pixel(x, y);
  return (unsigned{p[0]} << 16) | (unsigned{p[1]} << 8) | p[2];
}

// Colours as libimagequant keeps them: its palette is computed in floating point, so an entry
// may be one or two steps off the colour it stands for.
bool near(unsigned a, unsigned b) {
  for (int shift : {0, 8, 16}) {
    const int ca = static_cast<int>((a >> shift) & 0xff),
              cb = static_cast<int>((b >> shift) & 0xff);
    if (std::abs(ca - cb) > 2) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("gif: every frame decodes with giflib, at the size given, showing what was written") {
  const fs::path dir = temp_dir("frames");
  const fs::path path = dir / "moves.gif";
  GifWriter gif;
  std::string error;
  REQUIRE(gif.open(path, 64, 48, 250, error));
  // A red box moves right over a dark background; the third frame repeats the second.
  const std::vector<Image> frames = {picture(64, 48, 0x202830, 4, 10, 8, 8, 0xe06c75),
                                     picture(64, 48, 0x202830, 20, 10, 8, 8, 0xe06c75),
                                     picture(64, 48, 0x202830, 20, 10, 8, 8, 0xe06c75),
                                     picture(64, 48, 0x202830, 40, 30, 8, 8, 0x61afef)};
  for (const Image& f : frames) REQUIRE(gif.add_frame(f, error));
  CHECK_FALSE(fs::exists(path));  // written as PATH.part until close()
  REQUIRE(gif.close(error));
  REQUIRE(fs::exists(path));
  CHECK_FALSE(fs::exists(dir / "moves.gif.part"));
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & S_IROTH) != 0);  // 0666 & umask, not giflib's owner-only 0600

  const DecodedGif d = decode(path);
  CHECK(d.width == 64);
  CHECK(d.height == 48);
  REQUIRE(d.frames == 4);
  CHECK(d.loops);
  for (int delay : d.delays_cs) CHECK(delay == 25);
  for (std::size_t i = 0; i < frames.size(); ++i) {
    INFO("frame " << i);
    int wrong = 0;
    for (int y = 0; y < 48; ++y)
      for (int x = 0; x < 64; ++x)
        wrong += !near(rgb_at(d.shown[i], x, y), rgb_at(frames[i], x, y));
    CHECK(wrong == 0);  // few colours: the palette holds them all, no dithering
  }
  CHECK(near(rgb_at(d.shown[0], 6, 12), 0xe06c75));
  CHECK(near(rgb_at(d.shown[1], 6, 12), 0x202830));  // the box moved away from where it was
}

TEST_CASE("gif: a picture with more than 256 colours keeps close to them") {
  const fs::path path = temp_dir("gradient") / "gradient.gif";
  Image img(256, 64);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 256; ++x) {
      unsigned char* p = img.pixel(x, y);
      p[0] = static_cast<unsigned char>(x);
      p[1] = static_cast<unsigned char>(y * 4);
      p[2] = static_cast<unsigned char>(255 - x);
      p[3] = 255;
    }
  GifWriter gif;
  std::string error;
  REQUIRE(gif.open(path, 256, 64, 100, error));
  REQUIRE(gif.add_frame(img, error));
  REQUIRE(gif.close(error));
  const DecodedGif d = decode(path);
  REQUIRE(d.frames == 1);
  double total = 0;
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 256; ++x)
      for (int c = 0; c < 3; ++c) total += std::abs(d.shown[0].pixel(x, y)[c] - img.pixel(x, y)[c]);
  CHECK(total / (256.0 * 64 * 3) < 6.0);  // mean error per channel, of 255
}

TEST_CASE("gif: an unwritable folder is an error naming the path, abandon writes nothing") {
  GifWriter gif;
  std::string error;
  CHECK_FALSE(gif.open("/nonexistent-folder/run.gif", 10, 10, 100, error));
  CHECK(error.find("/nonexistent-folder/run.gif: cannot write") == 0);

  const fs::path dir = temp_dir("abandon");
  const fs::path path = dir / "kept.gif";
  std::ofstream(path) << "an earlier file";
  REQUIRE(gif.open(path, 10, 10, 100, error));
  REQUIRE(gif.add_frame(picture(10, 10, 0, 0, 0, 1, 1, 0xffffff), error));
  gif.abandon();  // Cancel
  CHECK(read_file(path) == "an earlier file");
  CHECK_FALSE(fs::exists(dir / "kept.gif.part"));

  REQUIRE(gif.open(dir / "size.gif", 10, 10, 100, error));
  CHECK_FALSE(gif.add_frame(picture(12, 10, 0, 0, 0, 1, 1, 0), error));
  CHECK(error.find("12x10") != std::string::npos);
  CHECK_FALSE(gif.is_open());
  CHECK_FALSE(fs::exists(dir / "size.gif"));
}

TEST_CASE("image: crop clips to the picture, scaled keeps the aspect, a PNG reads back") {
  const Image img = picture(100, 50, 0x000000, 10, 10, 20, 20, 0xffffff);
  const Image c = crop(img, PixelRect{90, 40, 30, 30});
  CHECK(c.width == 10);
  CHECK(c.height == 10);
  const Image box = crop(img, PixelRect{10, 10, 20, 20});
  CHECK(rgb_at(box, 0, 0) == 0xffffff);
  CHECK(rgb_at(box, 19, 19) == 0xffffff);
  const Image half = scaled(img, 0.5);
  CHECK(half.width == 50);
  CHECK(half.height == 25);
  CHECK(rgb_at(half, 10, 10) == 0xffffff);  // inside the box, away from its edges
  CHECK(rgb_at(half, 40, 20) == 0x000000);

  const fs::path path = temp_dir("png") / "box.png";
  std::string error;
  REQUIRE(write_png(path, img, error));
  int w = 0, h = 0, n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px(stbi_load(path.c_str(), &w, &h, &n, 3),
                                                     stbi_image_free);
  REQUIRE(px != nullptr);
  CHECK(w == 100);
  CHECK(h == 50);
  CHECK(px.get()[(15 * 100 + 15) * 3] == 255);
  CHECK_FALSE(write_png("/nonexistent-folder/x.png", img, error));
  CHECK(error.find("/nonexistent-folder/x.png: cannot write") == 0);
}

namespace {

// An ImGui context of 800x600 with a built font atlas and no renderer.
struct HeadlessImGui : rdv::test::HeadlessImGui {
  HeadlessImGui() : rdv::test::HeadlessImGui(ImVec2(800, 600)) {}
};

// A panel that fills its pane with nothing: the pane's rectangle is what is exported.
struct EmptyPanel : PlacedPanel {
  using PlacedPanel::PlacedPanel;
  void draw() override {}
};

// The app's frame without OpenGL: when the exporter wants the frame, it gets a framebuffer
// whose colour says which step the cursor is at (so each step's picture differs).
struct App {
  Shell shell;
  Controller controller;
  Exporter exporter{controller, shell};
  std::vector<std::size_t> pictured;  // the cursor of each picture taken

  App() {
    shell.add(std::make_unique<EmptyPanel>("Channels", Slot::Center));
    shell.add(std::make_unique<EmptyPanel>("Tasks", Slot::Tasks));
    shell.set_toolbar([this] { exporter.draw(); });
  }
  void frame() {
    controller.update(1.0 / 60);
    shell_frame(shell);
    if (!exporter.wants_frame()) return;
    const std::size_t k = controller.view().cursor;
    pictured.push_back(k);
    exporter.take_frame(picture(800, 600, 0x101010 * static_cast<unsigned>(k % 15), 0, 0, 0, 0, 0),
                        1.0f);
  }
  void open(const char* scenario) {
    const std::string path = std::string(RDV_SOURCE_DIR "/scenarios/") + scenario;
    controller.open_script(path, scenario, read_file(path));
    REQUIRE(controller.finish_blocking(std::chrono::seconds(20)));
  }
};

}  // namespace

TEST_CASE(
    "export: an animation from a to b takes one picture per step, and puts the cursor "
    "back") {
  ::setenv("XDG_STATE_HOME", temp_dir("state").c_str(), 1);
  HeadlessImGui imgui;
  App app;
  app.open("2.1b-buffered-channel.lua");
  app.controller.request_seek(7);
  for (int i = 0; i < 2; ++i) app.frame();

  const fs::path path = temp_dir("animation") / "steps.gif";
  Exporter::Animation a;
  a.path = path.string();
  a.from = 3;
  a.to = 9;
  a.delay_ms = 200;
  std::string error;
  REQUIRE(app.exporter.start_animation(a, &error));
  CHECK(app.exporter.busy());
  for (int i = 0; i < 100 && app.exporter.busy(); ++i) app.frame();
  CHECK_FALSE(app.exporter.busy());
  CHECK_FALSE(app.exporter.failed());
  CHECK(app.pictured == std::vector<std::size_t>{3, 4, 5, 6, 7, 8, 9});
  CHECK(app.controller.view().cursor == 7);  // where it was
  CHECK(app.exporter.message().find("wrote " + path.string()) == 0);
  CHECK(app.exporter.message().find("7 frames") != std::string::npos);

  const DecodedGif d = decode(path);
  CHECK(d.frames == 7);  // b - a + 1
  CHECK(d.width == 800);
  CHECK(d.height == 600);
  CHECK(d.delays_cs.front() == 20);
  CHECK(near(rgb_at(d.shown[0], 5, 5), 0x303030));  // step 3
  CHECK(near(rgb_at(d.shown[6], 5, 5), 0x909090));  // step 9

  SUBCASE("one pane, at half size") {
    a.pane = Slot::Tasks;
    a.scale = 0.5;
    a.from = 0;
    a.to = 1;
    REQUIRE(app.exporter.start_animation(a, &error));
    for (int i = 0; i < 20 && app.exporter.busy(); ++i) app.frame();
    REQUIRE_FALSE(app.exporter.failed());
    const auto r = app.shell.pane_rect(Slot::Tasks);
    REQUIRE(r.has_value());
    const DecodedGif p = decode(path);
    CHECK(p.frames == 2);
    CHECK(p.width == static_cast<int>(std::lround(r->w * 0.5)));
    CHECK(p.height == static_cast<int>(std::lround(r->h * 0.5)));
  }
}

TEST_CASE("export: Cancel stops the animation, writes nothing and puts the cursor back") {
  ::setenv("XDG_STATE_HOME", temp_dir("state2").c_str(), 1);
  HeadlessImGui imgui;
  App app;
  app.open("2.1b-buffered-channel.lua");
  app.controller.request_seek(5);
  const fs::path path = temp_dir("cancel") / "cancelled.gif";
  Exporter::Animation a;
  a.path = path.string();
  a.from = 0;
  a.to = 30;
  std::string error;
  REQUIRE(app.exporter.start_animation(a, &error));
  for (int i = 0; i < 8; ++i) app.frame();
  CHECK(app.exporter.frames_written() > 0);
  CHECK(app.exporter.progress() > 0.0);
  CHECK(app.exporter.progress() < 1.0);
  app.exporter.cancel();
  CHECK_FALSE(app.exporter.busy());
  CHECK_FALSE(fs::exists(path));
  CHECK_FALSE(fs::exists(path.string() + ".part"));
  CHECK(app.controller.view().cursor == 5);
  CHECK(app.exporter.message().find("cancelled") != std::string::npos);
}

TEST_CASE("export: mistakes are said before anything is drawn") {
  ::setenv("XDG_STATE_HOME", temp_dir("state3").c_str(), 1);
  HeadlessImGui imgui;
  App app;
  std::string error;
  Exporter::Animation a;
  a.path = (temp_dir("mistakes") / "x.gif").string();
  CHECK_FALSE(app.exporter.start_animation(a, &error));  // nothing recorded yet
  CHECK(error.find("no events") != std::string::npos);
  app.open("2.1b-buffered-channel.lua");
  a.from = 9;
  a.to = 3;
  CHECK_FALSE(app.exporter.start_animation(a, &error));
  CHECK(error.find("after the last") != std::string::npos);
  a.from = 0;
  a.path = "/nonexistent-folder/x.gif";
  CHECK_FALSE(app.exporter.start_animation(a, &error));
  CHECK(error == "/nonexistent-folder/x.gif: cannot write: no folder /nonexistent-folder");
  CHECK_FALSE(app.exporter.start_image("/nonexistent-folder/x.png", std::nullopt, &error));
  app.shell.set_pane_hidden(Slot::Tasks, true);
  CHECK_FALSE(
      app.exporter.start_image((temp_dir("hidden") / "x.png").string(), Slot::Tasks, &error));
  CHECK(error.find("hidden") != std::string::npos);
  CHECK_FALSE(app.exporter.busy());
}

TEST_CASE("export: an image of one pane is that pane's rectangle of the frame") {
  ::setenv("XDG_STATE_HOME", temp_dir("state4").c_str(), 1);
  HeadlessImGui imgui;
  App app;
  app.open("2.1b-buffered-channel.lua");
  app.frame();
  const fs::path path = temp_dir("image") / "pane.png";
  std::string error;
  REQUIRE(app.exporter.start_image(path.string(), Slot::Center, &error));
  for (int i = 0; i < 5 && app.exporter.busy(); ++i) app.frame();
  REQUIRE_FALSE(app.exporter.failed());
  const auto r = app.shell.pane_rect(Slot::Center);
  REQUIRE(r.has_value());
  int w = 0, h = 0, n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px(stbi_load(path.c_str(), &w, &h, &n, 3),
                                                     stbi_image_free);
  REQUIRE(px != nullptr);
  CHECK(w == static_cast<int>(std::lround(r->x + r->w) - std::lround(r->x)));
  CHECK(h == static_cast<int>(std::lround(r->y + r->h) - std::lround(r->y)));
  CHECK(app.exporter.message().find("wrote " + path.string()) == 0);
}
