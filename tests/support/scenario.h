// tests/support/scenario.h — opening one of the shipped scenarios in a controller, as the app's
// scenario list does. Header-only; the test defines RDV_SOURCE_DIR (the source tree).
#pragma once

#include "tests/support/read_file.h"

#include <string>

namespace rdv::test {

// Opens scenarios/`file` of the source tree in `controller` (a session Controller: a template so
// that this header needs nothing but the call it makes).
template <class Controller>
void open_scenario(Controller& controller, const std::string& file) {
  const std::string path = std::string(RDV_SOURCE_DIR "/scenarios/") + file;
  controller.open_script(path, file, read_file(path));
}

}  // namespace rdv::test
