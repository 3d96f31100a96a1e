// Tests of the `rendezvous` command line (design.md §5) that need no display.
#include "tests/support/process.h"

#include <doctest/doctest.h>

#include <algorithm>

using rdv::test::run_process;

namespace {

int lines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("rendezvous: --help lists the options and exits 0") {
  const auto r = run_process({RDV_EXE, "--help"});
  CHECK(r.exit_code == 0);
  for (const char* word : {"--screenshot", "--size", "--at", "--seed", "--version", "FILE"}) {
    CAPTURE(word);
    CHECK(r.out.find(word) != std::string::npos);
  }
  CHECK(r.out.find("(when a run is open)") != std::string::npos);
}

TEST_CASE("rendezvous: --version prints the version and exits 0") {
  const auto r = run_process({RDV_EXE, "--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("rendezvous "));
}

TEST_CASE("rendezvous: usage errors are one line on stderr and exit 1") {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--bogus"},
           {"no/such/file.lua"},
           {"--size", "12"},
           {"--size", "100000x10"},
           {"--size", "800x600junk"},
           {"--at", "soon"},
           {"--seed", "x"},
           {"--scenarios", "no/such/folder"},
           {"--screenshot"},
           {"a.lua", "b.lua"},
       }) {
    std::vector<std::string> argv = {RDV_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_process(argv);
    CAPTURE(args.front());
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(lines(r.err) == 1);
    CHECK(r.err.starts_with("rendezvous: "));
  }
}

TEST_CASE("rendezvous: a headless command is never mistaken for a file") {
  for (const char* cmd : {"run", "explore", "replay", "export"}) {
    CAPTURE(cmd);
    const auto r = run_process({RDV_EXE, cmd, "no/such/file.lua"}, {"DISPLAY="});
    // Whether or not cli/ is built: a usage/I-O error (1), never a window, never a crash; and
    // not the window's parser complaining about a file called `run` or a second FILE.
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("not expected") == std::string::npos);
    CHECK(r.err.find(std::string(cmd) + ": no such file") == std::string::npos);
  }
}

TEST_CASE("rendezvous: without a display the app says so in one line") {
  const auto r =
      run_process({RDV_EXE, "--screenshot", "/dev/null"}, {"DISPLAY=", "WAYLAND_DISPLAY="});
  CHECK(r.exit_code == 1);
  CHECK(lines(r.err) == 1);
  CHECK(r.err.find("cannot open a window") != std::string::npos);
}
