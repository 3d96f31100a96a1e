// ui/screenshot.cpp — glReadPixels + stb_image_write (its implementation is in Debian's libstb).
#include "ui/screenshot.h"

#include <glad/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace rdv::ui {

bool save_framebuffer_png(const std::filesystem::path& path, int width, int height,
                          std::string& error) {
  const auto w = static_cast<std::size_t>(width);
  const auto h = static_cast<std::size_t>(height);
  const std::size_t stride = w * 3;
  std::vector<unsigned char> pixels(stride * h);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (const GLenum e = glGetError(); e != GL_NO_ERROR) {
    error = "glReadPixels failed (GL error " + std::to_string(e) + ")";
    return false;
  }
  // OpenGL's rows start at the bottom; PNG's at the top.
  for (std::size_t y = 0; y < h / 2; ++y) {
    std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(y * stride),
                     pixels.begin() + static_cast<std::ptrdiff_t>((y + 1) * stride),
                     pixels.begin() + static_cast<std::ptrdiff_t>((h - 1 - y) * stride));
  }
  errno = 0;
  if (stbi_write_png(path.c_str(), width, height, 3, pixels.data(), static_cast<int>(stride)) ==
      0) {
    error = path.string() + ": cannot write" +
            (errno != 0 ? std::string(": ") + std::strerror(errno) : "");
    return false;
  }
  return true;
}

}  // namespace rdv::ui
