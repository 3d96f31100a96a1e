// Go itself as the oracle: each tests/crosscheck/NAME.go has a NAME.lua twin. When `go` is on
// PATH, the Go program is built and run, and its output must be one our Lua version can produce:
// the Lua twin runs in controlled mode over many seeds, and the set of its outputs must contain
// Go's (for deterministic programs that set has one element). Exit status is compared too:
// Go's deadlock ("fatal error: all goroutines are asleep") and panics exit 2, as ours do.
// Without `go`, the test prints a visible skip notice and passes.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "script/run.h"

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

// Runs a shell command; returns its exit status (-1 when it did not exit normally).
int shell(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

bool have_go() {
  return shell("command -v go >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("crosscheck: Go and Lua versions of the same programs agree") {
  if (!have_go()) {
    std::puts("SKIPPED crosscheck: `go` is not on PATH (apt install golang-go to run it)");
    MESSAGE("SKIPPED: go not on PATH");
    return;
  }
  const fs::path dir = "tests/crosscheck";
  const fs::path work = fs::temp_directory_path() / ("rdv-crosscheck-" + std::to_string(getpid()));
  fs::create_directories(work);
  const std::string env = "GOCACHE=" + (work / "gocache").string() +
                          " GOPATH=" + (work / "gopath").string() + " GO111MODULE=off GOFLAGS= ";
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".go") continue;
    const std::string name = entry.path().stem().string();
    const fs::path lua = dir / (name + ".lua");
    INFO(name);
    REQUIRE(fs::exists(lua));
    const fs::path bin = work / name;
    REQUIRE(shell(env + "go build -o " + bin.string() + " " + entry.path().string() + " 2>" +
                  (work / "build.err").string()) == 0);
    const int go_rc =
        shell(bin.string() + " >" + (work / "out").string() + " 2>" + (work / "err").string());
    const std::vector<std::string> go_out = lines_of(slurp(work / "out"));
    const std::string go_err = slurp(work / "err");

    const std::string source = slurp(lua);
    std::set<std::vector<std::string>> ours;
    std::set<int> our_codes;
    std::string diagnostics;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
      rdv::script::RunOptions opt;
      opt.config.seed = seed;
      rdv::sim::EventLog log;
      const rdv::script::RunReport r = rdv::script::run_source(name + ".lua", source, opt, log);
      ours.insert(r.output);
      our_codes.insert(r.exit_code());
      diagnostics = r.diagnostics;
    }
    std::string go_text;
    for (const auto& l : go_out) go_text += l + "\n";
    INFO("Go printed:\n" << go_text << go_err << "our diagnostics:\n" << diagnostics);
    CHECK(ours.count(go_out) == 1);
    CHECK(our_codes == std::set<int>{go_rc});
    if (go_err.find("all goroutines are asleep") != std::string::npos) {
      CHECK(diagnostics.find("fatal error: all goroutines are asleep - deadlock!") !=
            std::string::npos);
    }
    ++checked;
  }
  CHECK(checked >= 6);
  fs::remove_all(work);
}
