// ui/gif_writer.h — an animated GIF written frame by frame: giflib encodes, libimagequant picks
// each frame's palette (both from Debian: libgif-dev, libimagequant-dev).
//
// - Streams: each add_frame() quantizes and writes its frame at once; the writer keeps only the
//   previous frame (to write just the rectangle that changed), so memory does not grow with the
//   number of frames.
// - Each frame carries its own palette of at most 256 colours, without dithering (the window's
//   flat colours and text stay clean), and the same delay; the animation loops forever.
// - Frames after the first store the smallest rectangle holding every changed pixel, drawn over
//   the previous frame (disposal "do not dispose"); a frame equal to the one before is a 1x1
//   rectangle, so a decoder still counts one frame per add_frame().
// - The file appears only when close() succeeds: frames go to "PATH.part", renamed at the end.
//   abandon() (Cancel) and the destructor remove the part file; an existing PATH is untouched.
//
// Example:
//   GifWriter gif;
//   std::string error;
//   if (!gif.open("run.gif", 800, 600, 500, error)) { ... }
//   for (...) if (!gif.add_frame(frame, error)) { ... }
//   if (!gif.close(error)) { ... }
#pragma once

#include "ui/image.h"

#include <filesystem>
#include <string>

struct GifFileType;
struct liq_attr;

namespace rdv::ui {

class GifWriter {
 public:
  GifWriter() = default;
  ~GifWriter();
  GifWriter(const GifWriter&) = delete;
  GifWriter& operator=(const GifWriter&) = delete;

  // - Starts `path`: every frame is width x height pixels and shows for `delay_ms` (stored in
  //   GIF's hundredths of a second, at least 2). False with "PATH: cannot write: why" in `error`.
  bool open(const std::filesystem::path& path, int width, int height, int delay_ms,
            std::string& error);
  // - Encodes one frame (the size given to open()). False with the reason in `error`; the
  //   writer is then abandoned.
  bool add_frame(const Image& frame, std::string& error);
  // - Finishes the file and moves it to its name. False with the reason in `error`.
  bool close(std::string& error);
  // - Stops without a file (Cancel, or after an error).
  void abandon();

  bool is_open() const { return gif_ != nullptr; }
  int frames() const { return frames_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  bool fail(std::string& error, const std::string& why);

  GifFileType* gif_ = nullptr;
  liq_attr* liq_ = nullptr;
  std::filesystem::path path_, part_;
  int width_ = 0, height_ = 0;
  int delay_cs_ = 0;  // hundredths of a second
  int frames_ = 0;
  Image previous_;  // the last frame written (what a decoder shows now)
};

}  // namespace rdv::ui
