// ui/screenshot.h — saving what OpenGL rendered as a PNG.
#pragma once

#include <filesystem>
#include <string>

namespace rdv::ui {

// Reads width x height pixels from the bound read framebuffer and writes them to `path` as an
// RGB PNG, top row first. Returns false with the reason in `error` when the file can't be written.
bool save_framebuffer_png(const std::filesystem::path& path, int width, int height,
                          std::string& error);

}  // namespace rdv::ui
