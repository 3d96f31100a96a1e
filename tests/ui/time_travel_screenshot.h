// tests/ui/time_travel_screenshot.h — helpers for the time travel and plots screenshot tests:
// run the app for a PNG (under xvfb-run when there is no display), read it back, compare
// regions. Regions are fractions of the image.
#pragma once

#include "tests/ui/process.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <stb_image.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rdv::test::shots {

inline ProcessResult run_app(const std::vector<std::string>& args) {
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

struct Image {
  int width = 0;
  int height = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};

  const unsigned char* at(int x, int y) const {
    return pixels.get() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                           static_cast<std::size_t>(x)) *
                              3;
  }
  int px(float f, int extent) const { return static_cast<int>(f * static_cast<float>(extent)); }
  // How many pixels within `tolerance` (sum of channel differences) of `colour` lie in the box.
  int count_colour(ImU32 colour, float x0, float y0, float x1, float y1, int tolerance = 30) const {
    const int r = static_cast<int>(colour & 0xff), g = static_cast<int>((colour >> 8) & 0xff),
              b = static_cast<int>((colour >> 16) & 0xff);
    int n = 0;
    for (int y = px(y0, height); y < px(y1, height); ++y) {
      for (int x = px(x0, width); x < px(x1, width); ++x) {
        const unsigned char* p = at(x, y);
        if (std::abs(p[0] - r) + std::abs(p[1] - g) + std::abs(p[2] - b) <= tolerance) ++n;
      }
    }
    return n;
  }
  // How many pixels of the box differ between two images of the same size.
  int count_different(const Image& o, float x0, float y0, float x1, float y1) const {
    int n = 0;
    for (int y = px(y0, height); y < px(y1, height); ++y) {
      for (int x = px(x0, width); x < px(x1, width); ++x) {
        const unsigned char *p = at(x, y), *q = o.at(x, y);
        if (std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]) > 24) ++n;
      }
    }
    return n;
  }
};

inline Image load_png(const std::string& path) {
  Image img;
  int channels = 0;
  img.pixels.reset(stbi_load(path.c_str(), &img.width, &img.height, &channels, 3));
  return img;
}

// A 1600x900 screenshot of `file` (seed 1) at `at`, with extra arguments (e.g. --tab Plots);
// `name` tells apart two pictures with the same arguments.
inline Image shoot(const std::string& dir, const std::string& file, const std::string& at,
                   const std::vector<std::string>& extra = {}, const std::string& name = "") {
  std::string tag = name;
  for (const auto& e : extra) tag += "-" + e;
  const std::string png =
      dir + "/" + std::filesystem::path(file).stem().string() + "-" + at + tag + ".png";
  std::vector<std::string> args = {file, "--screenshot", png, "--size", "1600x900", "--at",
                                   at,   "--seed",       "1"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_app(args);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  Image img = load_png(png);
  REQUIRE(img.pixels);
  REQUIRE(img.width == 1600);
  REQUIRE(img.height == 900);
  return img;
}

}  // namespace rdv::test::shots
