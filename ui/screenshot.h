// ui/screenshot.h — reading back what OpenGL rendered, and saving it as a PNG.
#pragma once

#include "ui/image.h"

#include <filesystem>
#include <string>

namespace rdv::ui {

// Reads width x height pixels from the bound read framebuffer into an RGBA image, top row
// first. An empty image with the reason in `error` when OpenGL fails.
Image read_framebuffer(int width, int height, std::string& error);

// read_framebuffer() written to `path` as an RGB PNG. Returns false with the reason in `error`
// when the file can't be written.
bool save_framebuffer_png(const std::filesystem::path& path, int width, int height,
                          std::string& error);

}  // namespace rdv::ui
