#include "script/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

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

Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return Error{path + ": cannot open: " + std::strerror(errno)};
  auto fail = [&](std::string message) {
    ::close(fd);
    return Error{std::move(message)};
  };
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(path + ": cannot read: " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return fail(path + ": " + kind_of(st.st_mode));
  const std::string too_large = path + ": larger than " + size_text(max_bytes) + "; not a scenario";
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) return fail(too_large);
  // The size said is a hint (it may grow while we read, or be 0): read until EOF, never more
  // than one byte past the limit.
  std::string text(static_cast<std::size_t>(st.st_size) + 1, '\0');
  std::size_t got = 0;
  for (;;) {
    if (got == text.size()) {
      if (got > max_bytes) break;
      text.resize(std::min(max_bytes + 1, text.size() * 2 + 4096));
    }
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(path + ": read failed: " + std::strerror(errno));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (got > max_bytes) return Error{too_large};
  text.resize(got);
  return text;
}

}  // namespace rdv::script
