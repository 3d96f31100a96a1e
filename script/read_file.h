// script/read_file.h — reading a whole file that a person named, without trusting it.
//
// Every file the program reads on someone's say-so (a scenario for run/explore/the app, an
// edited script for replay, the header reader) goes through read_regular_file(): it refuses
// what is not a regular file *before* reading — a directory, a FIFO (opened non-blocking, so the
// open itself cannot hang), a device such as /dev/zero, a socket — and reads at most
// `max_bytes`, then stops, whatever size the file claims (/proc files claim 0).
//
// Example:
//   Result<std::string> text = read_regular_file("x.lua", kMaxScenarioFileBytes);
//   if (!text) puts(text.error().c_str());
//   // error(): "x.lua: is a directory", "x.lua: not a regular file (a FIFO)",
//   //          "x.lua: larger than 4 MiB; not a scenario",
//   //          "x.lua: cannot open: No such file or directory"
#pragma once

#include <cstddef>
#include <string>

#include "sim/result.h"

namespace rdv::script {

// The file's bytes, or an Error "path: reason".
Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes);

}  // namespace rdv::script
