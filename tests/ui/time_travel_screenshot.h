// tests/ui/time_travel_screenshot.h — the time travel and plots screenshot tests' shot: a
// 1600x900 picture of a scenario at an event (tests/support/app_shot.h runs the app and reads it).
#pragma once

#include "tests/support/app_shot.h"
#include "tests/support/process.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rdv::test::shots {

using rdv::test::Image;

// A 1600x900 screenshot of `file` (seed 1) at `at`, with extra arguments (e.g. --tab Plots);
// `name` tells apart two pictures with the same arguments.
inline Image shoot(const std::string& dir, const std::string& file, const std::string& at,
                   const std::vector<std::string>& extra = {}, const std::string& name = "") {
  std::string tag = name;
  for (const auto& e : extra) tag += "-" + e;
  return shoot_in(dir, file, at, {.extra = extra, .display_offset = 600}, tag);
}

}  // namespace rdv::test::shots
