// tests/support/read_file.h — the whole of a file as a string, for tests that compare files or
// load a scenario. Header-only, the standard library only, so every test can include it.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rdv::test {

// The whole of the file at `path`, byte for byte ("" when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace rdv::test
