// tests/ui/imgui_frames.h — an ImGui context for driving real frames without a window, one frame
// of the shell in it, a panel that counts its frames, and a state folder of the test's own.
#pragma once

#include "tests/support/scratch.h"
#include "ui/shell.h"

#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace rdv::test {

// GLFW's key codes, which the GLFW backend uses as ImGui 1.86 key indexes.
constexpr int kTab = 258, kEnter = 257, kEscape = 256, kRight = 262, kLeft = 263, kDown = 264,
              kUp = 265, kHome = 268, kEnd = 269, kSpace = 32;

// An ImGui context with a built font atlas, the GLFW backend's key map, and no renderer: frames
// are laid out and their draw lists built, nothing is drawn.
// `display` is the window's size in pixels.
struct HeadlessImGui {
  explicit HeadlessImGui(ImVec2 display = ImVec2(1600, 900)) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60;
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_UpArrow] = kUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    io.KeyMap[ImGuiKey_Home] = kHome;
    io.KeyMap[ImGuiKey_End] = kEnd;
    io.KeyMap[ImGuiKey_Space] = kSpace;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Escape] = kEscape;
    io.KeyMap[ImGuiKey_A] = 'A';
    io.KeyMap[ImGuiKey_C] = 'C';
    io.KeyMap[ImGuiKey_V] = 'V';
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

// One frame of `shell` in the current context: laid out and its draw lists built.
inline void shell_frame(rdv::ui::Shell& shell) {
  ImGui::NewFrame();
  shell.draw();
  ImGui::Render();
}

// Points XDG_STATE_HOME (where the app keeps its autosaves) at the folder `name` in this
// process's scratch folder (made if needed), so that the test never touches the person's;
// returns it.
inline std::filesystem::path use_state_home(const std::string& name) {
  const std::filesystem::path dir = rdv::test::scratch_root() / name;
  std::filesystem::create_directories(dir);
  ::setenv("XDG_STATE_HOME", dir.c_str(), 1);
  return dir;
}

// A panel that draws nothing and counts how often it is drawn.
class CountingPanel : public rdv::ui::PlacedPanel {
 public:
  using PlacedPanel::PlacedPanel;
  void draw() override { ++draws; }
  int draws = 0;
};

}  // namespace rdv::test
