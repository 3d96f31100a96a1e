// tests/support/files_in.h — the files of one folder whose names end in a given extension, in
// name order: the scenarios, corpora and programs the suite goes through one by one.
// Header-only, the standard library only.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <vector>

namespace rdv::test {

// The regular files directly in `dir` with the extension `ext` (".lua"), sorted by path.
inline std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                                   std::string_view ext) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace rdv::test
