// tests/support/app_shot.h — what the screenshot tests share: the PNG the app wrote, read back,
// and regions of it looked at (fractions of the image). Header-only: stb_image's code comes from
// the UI library the test links. Running the app: app_run.h; a screenshot of it: shoot(),
// shoot_in().
#pragma once

#include "tests/support/app_run.h"
#include "tests/support/read_file.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace rdv::test {

struct Image {
  int width = 0;
  int height = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> pixels{nullptr, stbi_image_free};

  const unsigned char* at(int x, int y) const {
    return pixels.get() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                           static_cast<std::size_t>(x)) *
                              3;
  }
  // The pixel as 0xRRGGBB.
  unsigned rgb(int x, int y) const {
    const unsigned char* p = at(x, y);
    return (unsigned{p[0]} << 16) | (unsigned{p[1]} << 8) | p[2];
  }
  // How many colours the picture has (a blank one has few; antialiased text many).
  std::size_t distinct_colours() const {
    std::set<unsigned> seen;
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) seen.insert(rgb(x, y));
    return seen.size();
  }
  int px(float f, int extent) const { return static_cast<int>(f * static_cast<float>(extent)); }
  // Whether the pixel is within `tolerance` (sum of channel differences) of `colour`.
  bool near(int x, int y, ImU32 colour, int tolerance) const {
    const unsigned char* p = at(x, y);
    const int r = static_cast<int>(colour & 0xff), g = static_cast<int>((colour >> 8) & 0xff),
              b = static_cast<int>((colour >> 16) & 0xff);
    return std::abs(p[0] - r) + std::abs(p[1] - g) + std::abs(p[2] - b) <= tolerance;
  }
  // How many pixels of the box are near `colour`.
  int count_colour(ImU32 colour, float x0, float y0, float x1, float y1, int tolerance = 30) const {
    int n = 0;
    for (int y = px(y0, height); y < px(y1, height); ++y)
      for (int x = px(x0, width); x < px(x1, width); ++x) n += near(x, y, colour, tolerance);
    return n;
  }
  bool has_colour(ImU32 colour, float x0, float y0, float x1, float y1, int tolerance = 30) const {
    for (int y = px(y0, height); y < px(y1, height); ++y)
      for (int x = px(x0, width); x < px(x1, width); ++x)
        if (near(x, y, colour, tolerance)) return true;
    return false;
  }
  // Whether pixel (x, y) is the same, to the bit, in both images (of the same size).
  bool same_at(const Image& o, int x, int y) const {
    const unsigned char *p = at(x, y), *q = o.at(x, y);
    return p[0] == q[0] && p[1] == q[1] && p[2] == q[2];
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
  // The pixel rows of the box holding `colour` (within 12): [first, last], or {-1, -1}.
  std::pair<int, int> rows_with(ImU32 colour, float x0, float y0, float x1, float y1) const {
    std::pair<int, int> out{-1, -1};
    for (int y = px(y0, height); y < px(y1, height); ++y) {
      for (int x = px(x0, width); x < px(x1, width); ++x) {
        if (!near(x, y, colour, 12)) continue;
        if (out.first < 0) out.first = y;
        out.second = y;
        break;
      }
    }
    return out;
  }
};

// The PNG at `path`, as RGB; `pixels` is null when it cannot be read.
inline Image load_png(const std::string& path) {
  Image img;
  int channels = 0;
  img.pixels.reset(stbi_load(path.c_str(), &img.width, &img.height, &channels, 3));
  return img;
}

// How shoot() runs the app.
struct Shot {
  int width = 1600;  // --size, and the picture's size checked
  int height = 900;
  std::vector<std::string> extra{};  // arguments after the others (e.g. --tab Plots)
  int display_offset = 0;            // run_app's: tests running at once start apart
  std::string* out = nullptr;        // if set, gets what the app printed
};

// The picture `png` the app writes when run with `args` (under `how`), read back. Requires the
// app to exit 0 and the picture to be `width`x`height`; `out`, if set, gets what the app printed.
inline Image take_picture(const std::vector<std::string>& args, const std::string& png, int width,
                          int height, const AppRun& how, std::string* out = nullptr) {
  const auto r = run_app(args, how);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  if (out != nullptr) *out = r.out;
  Image img = load_png(png);
  REQUIRE(img.pixels);
  REQUIRE(img.width == width);
  REQUIRE(img.height == height);
  return img;
}

// Where a test keeps its screenshot of `file` at `at`: `dir`/<file's name without its
// extension>-<at><tag>.png (`tag` tells apart pictures of the same moment).
inline std::string shot_png(const std::string& dir, const std::string& file, const std::string& at,
                            const std::string& tag = "") {
  return dir + "/" + std::filesystem::path(file).stem().string() + "-" + at + tag + ".png";
}

// A screenshot of `file` at `at` ("end" or an event count), seed 1, written to `png` and read
// back, as take_picture does.
inline Image shoot(const std::string& png, const std::string& file, const std::string& at,
                   const Shot& how) {
  std::vector<std::string> args = {file,
                                   "--screenshot",
                                   png,
                                   "--size",
                                   std::to_string(how.width) + "x" + std::to_string(how.height),
                                   "--at",
                                   at,
                                   "--seed",
                                   "1"};
  args.insert(args.end(), how.extra.begin(), how.extra.end());
  AppRun run;
  run.display_offset = how.display_offset;
  return take_picture(args, png, how.width, how.height, run, how.out);
}

// The same, the picture kept in the test's folder `dir` (shot_png names it).
inline Image shoot_in(const std::string& dir, const std::string& file, const std::string& at,
                      const Shot& how, const std::string& tag = "") {
  return shoot(shot_png(dir, file, at, tag), file, at, how);
}

}  // namespace rdv::test
