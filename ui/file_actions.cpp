// ui/file_actions.cpp — the File menu and the Open / Save trace / Export modals.
#include "ui/file_actions.h"

#include "trace/recorder.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace rdv::ui {

namespace {

void set_buffer(char* buf, std::size_t size, const std::string& text) {
  std::snprintf(buf, size, "%s", text.c_str());
}

}  // namespace

void FileActions::draw_file_menu() {
  if (ImGui::MenuItem("Open…", "Ctrl+O")) request_open();
  if (ImGui::BeginMenu("Open recent")) {
    const auto list = recent();
    if (list.empty()) ImGui::TextDisabled("(none yet)");
    for (const auto& p : list) {
      if (ImGui::MenuItem(p.c_str())) {
        std::string error;
        if (!open(p, &error)) message_ = error;
      }
    }
    ImGui::EndMenu();
  }
  if (ImGui::MenuItem("Save trace…", "Ctrl+S", false, controller_.model().size() > 0))
    request_save();
  if (ImGui::MenuItem("Export to Perfetto…", "Ctrl+E", false, controller_.model().size() > 0))
    request_export();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Chrome Trace Event JSON: open it in ui.perfetto.dev or chrome://tracing");
}

void FileActions::draw() {
  open_dropped();

  if (open_requested_) {
    open_requested_ = false;
    modal_error_.clear();
    set_buffer(path_buf_, sizeof path_buf_, controller_.path());
    ImGui::OpenPopup("Open a scenario or a trace");
  }
  if (save_requested_) {
    save_requested_ = false;
    modal_error_.clear();
    std::string stem = std::filesystem::path(controller_.chunkname()).stem().string();
    if (stem.empty()) stem = "run";
    set_buffer(path_buf_, sizeof path_buf_,
               stem + "-seed" + std::to_string(controller_.settings().seed) + ".rdv.jsonl");
    ImGui::OpenPopup("Save the run's trace");
  }
  if (export_requested_) {
    export_requested_ = false;
    modal_error_.clear();
    std::string stem = std::filesystem::path(controller_.chunkname()).stem().string();
    if (stem.empty()) stem = "run";
    set_buffer(path_buf_, sizeof path_buf_,
               stem + "-seed" + std::to_string(controller_.settings().seed) + ".perfetto.json");
    ImGui::OpenPopup("Export to Perfetto");
  }
  const float width = ImGui::GetFontSize() * 34;
  if (ImGui::BeginPopupModal("Open a scenario or a trace", nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("A scenario (.lua) or a recorded trace (.rdv.jsonl):");
    ImGui::SetNextItemWidth(width);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##path", path_buf_, sizeof path_buf_,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    const auto list = recent();
    if (!list.empty()) {
      ImGui::TextDisabled("Recent");
      for (const auto& p : list) {
        if (ImGui::Selectable(p.c_str())) set_buffer(path_buf_, sizeof path_buf_, p);
      }
    }
    if (!modal_error_.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
      ImGui::PushTextWrapPos(width);
      ImGui::TextUnformatted(modal_error_.c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
    }
    if (ImGui::Button("Open") || enter) {
      if (open(path_buf_, &modal_error_)) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopupModal("Save the run's trace", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("%zu events, written as JSON Lines (.rdv.jsonl):", controller_.model().size());
    ImGui::SetNextItemWidth(width);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##path", path_buf_, sizeof path_buf_,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    if (!controller_.run_ended())
      ImGui::TextDisabled("The run is still going: the trace holds the events so far.");
    if (!modal_error_.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
      ImGui::TextUnformatted(modal_error_.c_str());
      ImGui::PopStyleColor();
    }
    if (ImGui::Button("Save") || enter) {
      if (controller_.save_trace(path_buf_, &modal_error_)) {
        message_ = std::string("saved ") + path_buf_;
        remember(path_buf_);
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopupModal("Export to Perfetto", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("%zu events as Chrome Trace Event JSON, for ui.perfetto.dev:",
                controller_.model().size());
    ImGui::SetNextItemWidth(width);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##path", path_buf_, sizeof path_buf_,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Time axis:");
    ImGui::SameLine();
    ImGui::RadioButton("auto", &export_axis_, 0);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Steps for a controlled run, time for a live one");
    ImGui::SameLine();
    ImGui::RadioButton("time", &export_axis_, 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The events' own times (virtual or wall)");
    ImGui::SameLine();
    ImGui::RadioButton("steps", &export_axis_, 2);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("1 µs per event, so a controlled run's zero-time steps stay apart");
    if (!controller_.run_ended())
      ImGui::TextDisabled("The run is still going: the export holds the events so far.");
    if (!modal_error_.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
      ImGui::PushTextWrapPos(width);
      ImGui::TextUnformatted(modal_error_.c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
    }
    if (ImGui::Button("Export") || enter) {
      const auto axis = export_axis_ == 1   ? trace::TimeAxis::Time
                        : export_axis_ == 2 ? trace::TimeAxis::Steps
                                            : trace::TimeAxis::Auto;
      if (export_perfetto(path_buf_, &modal_error_, axis)) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace rdv::ui
