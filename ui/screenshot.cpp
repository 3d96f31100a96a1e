// ui/screenshot.cpp — glReadPixels; the PNG is written by ui/image.cpp (stb_image_write).
#include "ui/screenshot.h"

#include <glad/gl.h>

#include <algorithm>
#include <vector>

namespace rdv::ui {

Image read_framebuffer(int width, int height, std::string& error) {
  Image image(width, height);
  const std::size_t stride = static_cast<std::size_t>(width) * 4;
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  if (const GLenum e = glGetError(); e != GL_NO_ERROR) {
    error = "glReadPixels failed (GL error " + std::to_string(e) + ")";
    return Image();
  }
  // OpenGL's rows start at the bottom; ours at the top.
  const auto h = static_cast<std::size_t>(height);
  for (std::size_t y = 0; y < h / 2; ++y) {
    std::swap_ranges(image.rgba.begin() + static_cast<std::ptrdiff_t>(y * stride),
                     image.rgba.begin() + static_cast<std::ptrdiff_t>((y + 1) * stride),
                     image.rgba.begin() + static_cast<std::ptrdiff_t>((h - 1 - y) * stride));
  }
  return image;
}

bool save_framebuffer_png(const std::filesystem::path& path, int width, int height,
                          std::string& error) {
  const Image image = read_framebuffer(width, height, error);
  return !image.empty() && write_png(path, image, error);
}

}  // namespace rdv::ui
