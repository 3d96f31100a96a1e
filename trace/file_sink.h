// trace/file_sink.h — writing a file so that a crash or a full disk never leaves a half file
// where a good one was (internal to rdv_trace): a temporary file beside the target, written in
// large chunks, fsynced, then renamed over the target.
//
// Example:
//   auto sink = FileSink::create(path);          // error names the path
//   if (!sink) return Error{sink.error()};
//   std::string buf = ...; sink->write(buf);    // any number of times; clears buf
//   return sink->commit();                       // without commit, the destructor cleans up
#pragma once

#include <string>

#include "sim/result.h"

namespace rdv::trace {

class FileSink {
 public:
  static Result<FileSink> create(const std::string& path);
  FileSink(FileSink&& o) noexcept;
  FileSink& operator=(FileSink&&) = delete;
  FileSink(const FileSink&) = delete;
  ~FileSink();  // removes the temporary file unless committed

  bool write(std::string& buf);  // appends buf and clears it; false (and error()) on failure
  Status commit();               // fsync, close, rename over the target, fsync the directory
  const std::string& error() const noexcept { return error_; }

 private:
  FileSink(std::string path, std::string tmp, int fd)
      : path_(std::move(path)), tmp_(std::move(tmp)), fd_(fd) {}
  std::string path_, tmp_;
  int fd_ = -1;
  std::string error_;  // the first write error (strerror)
};

}  // namespace rdv::trace
