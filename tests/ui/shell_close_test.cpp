// Closing the window (label `ui`, Xvfb): the close button goes through the shell's quit request
// (which would ask about an unsaved edit) and, with nothing unsaved, the app exits at once.
#include "tests/ui/process.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using rdv::test::run_process;
using rdv::test::temp_folder;

TEST_CASE("closing the window with nothing unsaved quits promptly") {
  const std::string dir = temp_folder("close");
  // The app in the background, the close request once its window is up, then its exit code
  // and how long it took after the request.
  const std::string script =
      "\"$1\" \"$2\" & app=$!; \"$3\" || { kill $app; exit 3; }; t0=$(date +%s%N); wait $app; "
      "rc=$?; t1=$(date +%s%N); echo \"rc=$rc ms=$(( (t1 - t0) / 1000000 ))\"";
  std::vector<std::string> argv = {"xvfb-run", "-a", "-n", std::to_string(100 + ::getpid() % 800),
                                   "-s", "-screen 0 1280x800x24", "sh", "-c", script, "sh",
                                   RDV_EXE, "scenarios/2.1-unbuffered-rendezvous.lua",
                                   RDV_CLOSER};
  std::vector<std::string> env = {"XDG_CONFIG_HOME=" + dir + "/config",
                                  "XDG_STATE_HOME=" + dir + "/state"};
#ifdef RDV_APP_ENV
  env.emplace_back(RDV_APP_ENV);
#endif
  const auto r = run_process(argv, env);
  INFO(r.out, r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.out.find("rc=0 ") != std::string::npos);
  const int ms = std::atoi(r.out.substr(r.out.find("ms=") + 3).c_str());
  CHECK(ms < 3000);
  std::filesystem::remove_all(dir);
}
