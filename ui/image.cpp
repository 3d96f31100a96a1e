// ui/image.cpp — crop, stb_image_resize and stb_image_write (implementations in Debian's libstb).
#include "ui/image.h"

#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

namespace rdv::ui {

Image crop(const Image& image, PixelRect r) {
  const int x0 = std::clamp(r.x, 0, image.width), y0 = std::clamp(r.y, 0, image.height);
  const int x1 = std::clamp(r.x + r.w, x0, image.width);
  const int y1 = std::clamp(r.y + r.h, y0, image.height);
  Image out(x1 - x0, y1 - y0);
  const std::size_t row = static_cast<std::size_t>(out.width) * 4;
  for (int y = 0; y < out.height; ++y) std::memcpy(out.pixel(0, y), image.pixel(x0, y0 + y), row);
  return out;
}

Image scaled(const Image& image, double factor) {
  if (image.empty() || factor >= 1.0 || factor <= 0.0) return image;
  const int w = std::max(1, static_cast<int>(std::lround(image.width * factor)));
  const int h = std::max(1, static_cast<int>(std::lround(image.height * factor)));
  Image out(w, h);
  // sRGB: averaging dark text on a light background in linear light keeps strokes visible.
  stbir_resize_uint8_srgb(image.rgba.data(), image.width, image.height, 0, out.rgba.data(), w, h, 0,
                          4, 3, 0);
  return out;
}

bool write_png(const std::filesystem::path& path, const Image& image, std::string& error) {
  if (image.empty()) {
    error = path.string() + ": nothing to write (an empty picture)";
    return false;
  }
  // RGB: the window is opaque, and an alpha channel would only make the file larger.
  std::vector<unsigned char> rgb(image.rgba.size() / 4 * 3);
  for (std::size_t i = 0, n = rgb.size() / 3; i < n; ++i)
    std::memcpy(&rgb[i * 3], &image.rgba[i * 4], 3);
  errno = 0;
  if (stbi_write_png(path.c_str(), image.width, image.height, 3, rgb.data(), image.width * 3) ==
      0) {
    error = path.string() + ": cannot write" +
            (errno != 0 ? std::string(": ") + std::strerror(errno) : "");
    return false;
  }
  return true;
}

}  // namespace rdv::ui
