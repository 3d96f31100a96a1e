// ui/image.h — an RGBA picture in memory, as read back from the window: crop, scale, write PNG.
//
// - No ImGui and no OpenGL: the export code (ui/export_actions.cpp, app.cpp) and the GIF
//   encoder (ui/gif_writer.h) share it, and tests build pictures of their own.
// - Rows run top to bottom, 4 bytes per pixel (R, G, B, A), no padding between rows.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace rdv::ui {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgba;  // width * height * 4 bytes, top row first

  Image() = default;
  Image(int w, int h)
      : width(w),
        height(h),
        rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4, 0) {}
  bool empty() const { return width <= 0 || height <= 0; }
  unsigned char* pixel(int x, int y) {
    return rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                          static_cast<std::size_t>(x)) *
                             4;
  }
  const unsigned char* pixel(int x, int y) const {
    return rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                          static_cast<std::size_t>(x)) *
                             4;
  }
};

// A rectangle of an image in pixels (x, y: its top-left corner).
struct PixelRect {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
};

// - The part of `image` inside `r`, clipped to the image (empty when nothing is left).
Image crop(const Image& image, PixelRect r);
// - `image` resized by `factor` (0 < factor <= 1; 1 returns a copy), averaged in sRGB-aware
//   space by stb_image_resize so thin text stays legible. At least 1x1.
Image scaled(const Image& image, double factor);
// - Writes `image` as an RGB PNG. False with "PATH: cannot write: why" in `error`.
bool write_png(const std::filesystem::path& path, const Image& image, std::string& error);

}  // namespace rdv::ui
