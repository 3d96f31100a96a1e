// tests/ui/time_travel_screenshot.h — the time travel and plots screenshot tests' shot: a
// 1600x900 picture of a scenario at an event (tests/support/app_shot.h runs the app and reads it).
#pragma once

#include "tests/support/app_shot.h"
#include "tests/support/process.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <stb_image.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rdv::test::shots {

using rdv::test::Image;
using rdv::test::load_png;

inline ProcessResult run_app(const std::vector<std::string>& args) {
  return rdv::test::run_app(args, 600);
}

// A 1600x900 screenshot of `file` (seed 1) at `at`, with extra arguments (e.g. --tab Plots);
// `name` tells apart two pictures with the same arguments.
inline Image shoot(const std::string& dir, const std::string& file, const std::string& at,
                   const std::vector<std::string>& extra = {}, const std::string& name = "") {
  std::string tag = name;
  for (const auto& e : extra) tag += "-" + e;
  const std::string png =
      dir + "/" + std::filesystem::path(file).stem().string() + "-" + at + tag + ".png";
  std::vector<std::string> args = {file, "--screenshot", png, "--size", "1600x900", "--at",
                                   at,   "--seed",       "1"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_app(args);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  Image img = load_png(png);
  REQUIRE(img.pixels);
  REQUIRE(img.width == 1600);
  REQUIRE(img.height == 900);
  return img;
}

}  // namespace rdv::test::shots
