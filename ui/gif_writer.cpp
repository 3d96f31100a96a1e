// ui/gif_writer.cpp — giflib's streaming encoder (EGif*) fed by libimagequant's palettes.
#include "ui/gif_writer.h"

#include <fcntl.h>
#include <gif_lib.h>
#include <libimagequant.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <system_error>
#include <vector>

namespace rdv::ui {

namespace {

// The smallest rectangle holding every pixel where `a` and `b` differ; w == 0 when none does.
PixelRect changed_rect(const Image& a, const Image& b) {
  int x0 = a.width, y0 = a.height, x1 = -1, y1 = -1;
  const std::size_t row = static_cast<std::size_t>(a.width) * 4;
  for (int y = 0; y < a.height; ++y) {
    const unsigned char* pa = a.pixel(0, y);
    const unsigned char* pb = b.pixel(0, y);
    if (std::memcmp(pa, pb, row) == 0) continue;
    y0 = std::min(y0, y);
    y1 = y;
    int l = 0;
    while (std::memcmp(pa + l * 4, pb + l * 4, 3) == 0) ++l;
    int r = a.width - 1;
    while (std::memcmp(pa + r * 4, pb + r * 4, 3) == 0) --r;
    x0 = std::min(x0, l);
    x1 = std::max(x1, r);
  }
  if (x1 < 0) return PixelRect{0, 0, 0, 0};
  return PixelRect{x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

struct LiqImage {
  liq_image* p = nullptr;
  ~LiqImage() {
    if (p != nullptr) liq_image_destroy(p);
  }
};
struct LiqResult {
  liq_result* p = nullptr;
  ~LiqResult() {
    if (p != nullptr) liq_result_destroy(p);
  }
};
struct MapObject {
  ColorMapObject* p = nullptr;
  ~MapObject() {
    if (p != nullptr) GifFreeMapObject(p);
  }
};

}  // namespace

GifWriter::~GifWriter() {
  abandon();
}

bool GifWriter::fail(std::string& error, const std::string& why) {
  error = path_.string() + ": " + why;
  abandon();
  return false;
}

bool GifWriter::open(const std::filesystem::path& path, int width, int height, int delay_ms,
                     std::string& error) {
  abandon();
  path_ = path;
  part_ = path;
  part_ += ".part";
  if (width <= 0 || height <= 0 || width > 65535 || height > 65535)
    return fail(error,
                "cannot write a " + std::to_string(width) + "x" + std::to_string(height) + " GIF");
  width_ = width;
  height_ = height;
  delay_cs_ = std::max(2, static_cast<int>(std::lround(delay_ms / 10.0)));
  frames_ = 0;
  previous_ = Image();
  int code = 0;
  errno = 0;
  // Made with the usual 0666 & umask (giflib's EGifOpenFileName makes files only its owner
  // may read).
  const int fd = ::open(part_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = path_.string() + ": cannot write: " + std::strerror(errno);
    return false;
  }
  gif_ = EGifOpenFileHandle(fd, &code);  // owns fd from here, closed by EGifCloseFile
  if (gif_ == nullptr) {
    ::close(fd);
    std::error_code ec;
    std::filesystem::remove(part_, ec);
    error = path_.string() + ": cannot write: " + GifErrorString(code);
    return false;
  }
  // GIF89a: the delays and the loop are GIF89 extensions (giflib can only guess the version
  // from extensions it holds in memory, which a streaming writer never gives it).
  EGifSetGifVersion(gif_, true);
  // No global palette: every frame brings its own.
  if (EGifPutScreenDesc(gif_, width, height, 8, 0, nullptr) == GIF_ERROR)
    return fail(error, std::string("cannot write: ") + GifErrorString(gif_->Error));
  // NETSCAPE2.0 application extension: loop forever (count 0).
  const unsigned char app[] = "NETSCAPE2.0";
  const unsigned char loop[] = {1, 0, 0};
  if (EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
      EGifPutExtensionBlock(gif_, 11, app) == GIF_ERROR ||
      EGifPutExtensionBlock(gif_, 3, loop) == GIF_ERROR ||
      EGifPutExtensionTrailer(gif_) == GIF_ERROR)
    return fail(error, std::string("cannot write: ") + GifErrorString(gif_->Error));
  liq_ = liq_attr_create();
  if (liq_ == nullptr) return fail(error, "libimagequant: cannot start (out of memory?)");
  liq_set_speed(liq_, 8);  // the window's few colours need no slow search
  return true;
}

bool GifWriter::add_frame(const Image& frame, std::string& error) {
  if (gif_ == nullptr) {
    error = path_.string() + ": the GIF is not open";
    return false;
  }
  if (frame.width != width_ || frame.height != height_)
    return fail(error, "a frame of " + std::to_string(frame.width) + "x" +
                           std::to_string(frame.height) + " in a " + std::to_string(width_) + "x" +
                           std::to_string(height_) + " animation");
  PixelRect r{0, 0, width_, height_};
  if (!previous_.empty()) {
    r = changed_rect(previous_, frame);
    if (r.w == 0) r = PixelRect{0, 0, 1, 1};  // unchanged: one pixel, drawn as it was
  }
  Image part = crop(frame, r);
  // Inside the rectangle, a pixel that did not change is transparent: the previous frame shows
  // through, and the long runs of one index compress well (most of a step's rectangle is the
  // same as before).
  bool any_transparent = false;
  for (int y = 0; y < part.height; ++y) {
    for (int x = 0; x < part.width; ++x) {
      unsigned char* p = part.pixel(x, y);
      const bool same =
          !previous_.empty() && std::memcmp(p, previous_.pixel(r.x + x, r.y + y), 3) == 0;
      p[3] = same ? 0 : 255;
      any_transparent = any_transparent || same;
    }
  }

  LiqImage image;
  image.p = liq_image_create_rgba(liq_, part.rgba.data(), part.width, part.height, 0);
  LiqResult result;
  if (image.p == nullptr || liq_image_quantize(image.p, liq_, &result.p) != LIQ_OK)
    return fail(error,
                "libimagequant could not make a palette for frame " + std::to_string(frames_ + 1));
  liq_set_dithering_level(result.p, 0.0f);
  std::vector<unsigned char> indexes(part.rgba.size() / 4);
  if (liq_write_remapped_image(result.p, image.p, indexes.data(), indexes.size()) != LIQ_OK)
    return fail(error, "libimagequant could not map frame " + std::to_string(frames_ + 1));
  const liq_palette* pal = liq_get_palette(result.p);
  // GIF palettes have a power-of-two size (2..256); the unused entries stay black.
  int size = 2;
  while (size < static_cast<int>(pal->count)) size *= 2;
  std::vector<GifColorType> colours(static_cast<std::size_t>(size), GifColorType{0, 0, 0});
  int transparent = NO_TRANSPARENT_COLOR;
  for (unsigned i = 0; i < pal->count; ++i) {
    colours[i] = GifColorType{pal->entries[i].r, pal->entries[i].g, pal->entries[i].b};
    if (any_transparent && pal->entries[i].a < 128) transparent = static_cast<int>(i);
  }
  MapObject map;
  map.p = GifMakeMapObject(size, colours.data());
  if (map.p == nullptr) return fail(error, "giflib: out of memory");

  GraphicsControlBlock gcb{};
  gcb.DisposalMode = DISPOSE_DO_NOT;
  gcb.UserInputFlag = false;
  gcb.DelayTime = delay_cs_;
  gcb.TransparentColor = transparent;
  GifByteType ext[4];
  const auto n = EGifGCBToExtension(&gcb, ext);
  if (EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(n), ext) == GIF_ERROR ||
      EGifPutImageDesc(gif_, r.x, r.y, part.width, part.height, false, map.p) == GIF_ERROR ||
      EGifPutLine(gif_, indexes.data(), static_cast<int>(indexes.size())) == GIF_ERROR)
    return fail(error, std::string("cannot write: ") + GifErrorString(gif_->Error) +
                           (errno != 0 ? std::string(" (") + std::strerror(errno) + ")" : ""));
  ++frames_;
  previous_ = frame;
  return true;
}

bool GifWriter::close(std::string& error) {
  if (gif_ == nullptr) {
    error = path_.string() + ": the GIF is not open";
    return false;
  }
  if (frames_ == 0) return fail(error, "no frames to write");
  int code = 0;
  errno = 0;
  const int closed = EGifCloseFile(gif_, &code);
  gif_ = nullptr;
  if (liq_ != nullptr) liq_attr_destroy(liq_);
  liq_ = nullptr;
  previous_ = Image();
  std::error_code ec;
  if (closed == GIF_ERROR) {
    error = path_.string() + ": cannot write: " + GifErrorString(code);
    std::filesystem::remove(part_, ec);
    return false;
  }
  std::filesystem::rename(part_, path_, ec);
  if (ec) {
    error = path_.string() + ": cannot write: " + ec.message();
    std::filesystem::remove(part_, ec);
    return false;
  }
  return true;
}

void GifWriter::abandon() {
  if (gif_ != nullptr) {
    int code = 0;
    EGifCloseFile(gif_, &code);
    gif_ = nullptr;
    std::error_code ec;
    std::filesystem::remove(part_, ec);
  }
  if (liq_ != nullptr) liq_attr_destroy(liq_);
  liq_ = nullptr;
  previous_ = Image();
}

}  // namespace rdv::ui
