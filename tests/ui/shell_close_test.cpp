// Closing the window (label `ui`, Xvfb): the close button goes through the shell's quit request;
// with nothing unsaved the app exits at once, with an unsaved edit it asks (and stays open).
#include "session/autosave.h"
#include "tests/support/process.h"
#include "tests/support/read_file.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using rdv::test::read_file;
using rdv::test::run_process;
using rdv::test::temp_folder;

namespace {

// Runs `script` with sh in its own 1280x800 Xvfb: $1 is the app, $2 `file`, $3 the helper that
// clicks and asks the window to close. The app's config and state folders are in `dir`.
rdv::test::ProcessResult run_closing(const std::string& script, const std::string& file,
                                     const std::string& dir, int display_offset) {
  std::vector<std::string> argv = {
      "xvfb-run", "-a",
      "-n",       std::to_string(100 + (::getpid() + display_offset) % 800),
      "-s",       "-screen 0 1280x800x24",
      "sh",       "-c",
      script,     "sh",
      RDV_EXE,    file,
      RDV_CLOSER};
  std::vector<std::string> env = {"XDG_CONFIG_HOME=" + dir + "/config",
                                  "XDG_STATE_HOME=" + dir + "/state"};
#ifdef RDV_APP_ENV
  env.emplace_back(RDV_APP_ENV);
#endif
  return run_process(argv, env);
}

}  // namespace

TEST_CASE("closing the window with nothing unsaved quits promptly") {
  const std::string dir = temp_folder("close");
  // The app in the background, the close request once its window is up, then its exit code
  // and how long it took after the request.
  const std::string script =
      "\"$1\" \"$2\" & app=$!; \"$3\" || { kill $app; exit 3; }; t0=$(date +%s%N); wait $app; "
      "rc=$?; t1=$(date +%s%N); echo \"rc=$rc ms=$(( (t1 - t0) / 1000000 ))\"";
  const auto r = run_closing(script, "scenarios/2.1-unbuffered-rendezvous.lua", dir, 0);
  INFO(r.out, r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.out.find("rc=0 ") != std::string::npos);
  const int ms = std::atoi(r.out.substr(r.out.find("ms=") + 3).c_str());
  CHECK(ms < 3000);
  std::filesystem::remove_all(dir);
}

TEST_CASE("closing the window with an unsaved edit asks first, and Discard then quits") {
  namespace fs = std::filesystem;
  const std::string dir = temp_folder("close_dirty");
  const std::string scenario = dir + "/edited.lua";
  fs::copy_file("scenarios/2.1-unbuffered-rendezvous.lua", scenario);
  const std::string original = read_file(scenario);
  // An edit left by a crash, offered back at start.
  const rdv::session::Autosave autosave(dir + "/state/rendezvous/autosave");
  std::string error;
  REQUIRE(autosave.write(scenario, "print('my unsaved edit')\n", &error));
  const fs::path saved = autosave.file_for(scenario);

  // In a 1280x800 window: click "Restore it" in the offer (the edit is now unsaved in the
  // editor), ask the window to close, click "Discard" in the question that must come up; the
  // app then quits within 5 s.
  const std::string script =
      "\"$1\" \"$2\" --size 1280x800 & app=$!; "
      "\"$3\" --click 483 461 --close --click 592 454 || { kill $app; exit 3; }; "
      "i=0; while kill -0 $app 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; "
      "if kill -0 $app 2>/dev/null; then echo still-running; kill $app; wait $app; "
      "else wait $app; echo \"exited rc=$?\"; fi; exit 0";
  const auto r = run_closing(script, scenario, dir, 7);
  INFO(r.out, r.err);
  REQUIRE(r.exit_code == 0);
  // Quit after Discard. (Had the close not asked, the app would have quit with the autosave
  // left; had a click missed its button, it would still be running or kept the autosave. The
  // clicks assume the modals' layout: if the theme changes, move them.)
  CHECK(r.out.find("exited rc=0") != std::string::npos);
  CHECK_FALSE(fs::exists(saved));          // discarded: the autosave is gone ...
  CHECK(read_file(scenario) == original);  // ... and the file on disk was never touched
  fs::remove_all(dir);
}
