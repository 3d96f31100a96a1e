// tests/support/scratch.h — where a test process writes its files: one folder under the system's
// temp folder per process, removed with everything in it when the process exits. Tests that
// build Go programs leave a Go cache of about 150 MB each; left behind, a few hundred runs of the
// suite fill a disk. Header-only, the standard library and POSIX only, so every test can use it.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace rdv::test {

// This process's folder (`rdv-test-<pid>` in the temp folder), made on first use. Only the
// process that made it removes it: a forked child that exits normally leaves it alone.
inline const std::filesystem::path& scratch_root() {
  struct Root {
    pid_t owner = ::getpid();
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("rdv-test-" + std::to_string(owner));
    Root() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);  // a folder an earlier process of this pid left
      std::filesystem::create_directories(path);
    }
    ~Root() {
      if (::getpid() != owner) return;
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
    Root(const Root&) = delete;
    Root& operator=(const Root&) = delete;
  };
  static const Root root;
  return root.path;
}

// A fresh empty folder `name` (a relative path) in this process's scratch folder.
inline std::filesystem::path fresh_dir(const std::string& name) {
  const std::filesystem::path dir = scratch_root() / name;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace rdv::test
