#include "script/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace rdv::script {
namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "not a regular file (a FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "not a regular file (a device)";
  if (S_ISSOCK(mode)) return "not a regular file (a socket)";
  return "not a regular file";
}

std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

}  // namespace

bool read_regular_file(const std::string& path, std::size_t max_bytes, std::string* text,
                       std::string* error) {
  text->clear();
  // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    *error = path + ": cannot read: " + std::strerror(errno);
    ::close(fd);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *error = path + ": " + kind_of(st.st_mode);
    ::close(fd);
    return false;
  }
  const std::string too_large = path + ": larger than " + size_text(max_bytes) + "; not a scenario";
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    *error = too_large;
    ::close(fd);
    return false;
  }
  // The size said is a hint (it may grow while we read, or be 0): read until EOF, never more
  // than one byte past the limit.
  text->resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  for (;;) {
    if (got == text->size()) {
      if (got > max_bytes) break;
      text->resize(std::min(max_bytes + 1, text->size() * 2 + 4096));
    }
    const ssize_t n = ::read(fd, text->data() + got, text->size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = path + ": read failed: " + std::strerror(errno);
      ::close(fd);
      text->clear();
      return false;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (got > max_bytes) {
    *error = too_large;
    text->clear();
    return false;
  }
  text->resize(got);
  return true;
}

}  // namespace rdv::script
