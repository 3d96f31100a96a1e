// tests/support/app_shot.h — what the screenshot tests share: the PNG the app wrote, read back,
// and regions of it looked at (fractions of the image). Header-only: stb_image's code comes from
// the UI library the test links. Running the app: app_run.h.
#pragma once

#include "tests/support/app_run.h"

#include <imgui.h>
#include <stb_image.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
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

// The whole of a file ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace rdv::test
