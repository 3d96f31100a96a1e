// tests/support/go_tool.h — Go itself as a test's oracle: whether `go` is on PATH, building a Go
// program with a private cache, and running it with its output captured. Header-only (doctest and
// the standard library), for tests/gofront and tests/crosscheck.
#pragma once

#include "tests/support/read_file.h"

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace rdv::test {

// The lines of `s`, without their '\n'.
inline std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// Runs a shell command; returns its exit status (-1 when it did not exit normally).
inline int shell(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

inline bool have_go() {
  return shell("command -v go >/dev/null 2>&1") == 0;
}

// The environment words (ending in a space) that give `go` a GOPATH in `work`, in GOPATH mode, and
// a build cache: the one GOCACHE names (ctest gives every test the build tree's, shared by the test
// processes: Go's cache takes concurrent users), else one in `work`. Debian's Go packages
// (golang.org/x/sync for errgroup) live in /usr/share/gocode.
inline std::string go_env(const std::filesystem::path& work) {
  const char* shared = std::getenv("GOCACHE");
  const std::string cache =
      shared != nullptr && *shared != '\0' ? std::string(shared) : (work / "gocache").string();
  return "GOCACHE=" + cache + " GOPATH=" + (work / "gopath").string() +
         ":/usr/share/gocode GO111MODULE=off GOFLAGS= ";
}

// What a Go program did.
struct GoRun {
  int exit_code = -1;
  std::vector<std::string> out;  // its stdout, line by line
  std::string err;               // its stderr
};

// `go build`s `src` into work/`name` (required to succeed; the compiler's messages go to
// work/build.err) and returns the program's path.
inline std::filesystem::path go_build(const std::filesystem::path& work,
                                      const std::filesystem::path& src, const std::string& name) {
  const std::filesystem::path bin = work / name;
  REQUIRE(shell(go_env(work) + "go build -o " + bin.string() + " " + src.string() + " 2>" +
                (work / "build.err").string()) == 0);
  return bin;
}

// Runs `cmd` (a built program, environment words in front if any), its stdout and stderr going
// through files in `work`.
inline GoRun run_go(const std::filesystem::path& work, const std::string& cmd) {
  GoRun r;
  r.exit_code = shell(cmd + " >" + (work / "out").string() + " 2>" + (work / "err").string());
  r.out = lines_of(read_file(work / "out"));
  r.err = read_file(work / "err");
  return r;
}

}  // namespace rdv::test
