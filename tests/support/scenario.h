// tests/support/scenario.h — opening one of the shipped scenarios in a controller, as the app's
// scenario list does, and running it to its end. Header-only; the test defines RDV_SOURCE_DIR (the
// source tree).
#pragma once

#include "tests/support/read_file.h"

#include <chrono>
#include <string>

namespace rdv::test {

// The path of scenarios/`file` in the source tree.
inline std::string scenario_path(const std::string& file) {
  return RDV_SOURCE_DIR "/scenarios/" + file;
}

// Opens scenarios/`file` of the source tree in `controller` (a session Controller: a template so
// that this header needs nothing but the call it makes).
template <class Controller>
void open_scenario(Controller& controller, const std::string& file) {
  const std::string path = scenario_path(file);
  controller.open_script(path, file, read_file(path));
}

// Opens scenarios/`file` in `controller` and waits for the run to end: the same run (scenario,
// seed, policy) as the app's, to ask where something happens. False if it has not ended within
// `timeout`.
template <class Controller>
bool run_scenario(Controller& controller, const std::string& file,
                  std::chrono::seconds timeout = std::chrono::seconds(30)) {
  open_scenario(controller, file);
  return controller.finish_blocking(timeout);
}

}  // namespace rdv::test
