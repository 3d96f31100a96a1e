// tests/ui/imgui_frames.h — an ImGui context for driving real frames without a window, and a
// panel that counts its frames.
#pragma once

#include "ui/shell.h"

#include <imgui.h>

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

// A panel that draws nothing and counts how often it is drawn.
class CountingPanel : public rdv::ui::Panel {
 public:
  CountingPanel(const char* title, rdv::ui::Slot slot) : title_(title), slot_(slot) {}
  const char* title() const override { return title_; }
  rdv::ui::Slot slot() const override { return slot_; }
  void draw() override { ++draws; }
  int draws = 0;

 private:
  const char* title_;
  rdv::ui::Slot slot_;
};

}  // namespace rdv::test
