// ui/file_actions.cpp — the File menu and the Open / Save trace / Export modals.
#include "ui/file_actions.h"
#include "ui/text.h"

#include "trace/recorder.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

namespace rdv::ui {

using session::FileBrowser;
using session::FileEntry;
using session::FileFilter;
using session::Place;
using session::places;

namespace {

void set_buffer(char* buf, std::size_t size, const std::string& text) {
  std::snprintf(buf, size, "%s", text.c_str());
}

std::string human_size(std::uintmax_t bytes) {
  char buf[32];
  if (bytes < 1024)
    std::snprintf(buf, sizeof buf, "%ju B", bytes);
  else if (bytes < 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
  else
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  return buf;
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

void FileActions::draw_open_dialog() {
  open_shown_ = false;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(
      ImVec2(std::min(em * 60, vp->WorkSize.x * 0.92f), std::min(em * 34, vp->WorkSize.y * 0.88f)),
      ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Open a scenario or a trace", nullptr)) return;
  open_shown_ = true;
  FileBrowser& fb = file_browser_;
  std::optional<std::filesystem::path> to_open;
  auto browsed = [&] {  // the field shows the folder now listed
    file_selected_ = -1;
    set_buffer(path_buf_, sizeof path_buf_, (fb.dir() / "").string());
  };

  // 1. The path field: a folder is browsed, a file opened (typing a path works as it always did).
  if (ImGui::ArrowButton("##up", ImGuiDir_Up) && fb.up()) browsed();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The folder above");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  if (ImGui::InputText("##path", path_buf_, sizeof path_buf_,
                       ImGuiInputTextFlags_EnterReturnsTrue)) {
    const std::filesystem::path before = fb.dir();
    to_open = fb.submit(path_buf_);
    if (!to_open && fb.dir() != before && fb.error().empty()) browsed();
    modal_error_ = fb.error();
  }
  int filter = fb.filter() == FileFilter::Openable ? 0 : 1;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Show:");
  ImGui::SameLine();
  bool changed = ImGui::RadioButton("scenarios and traces (.go, .lua, .rdv.jsonl)", &filter, 0);
  ImGui::SameLine();
  changed = ImGui::RadioButton("all files", &filter, 1) || changed;
  if (changed) {
    fb.set_filter(filter == 0 ? FileFilter::Openable : FileFilter::All);
    file_selected_ = -1;
  }

  // 2. Places and recent files on the left, the folder's listing on the right.
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeight();
  const float list_h = std::max(em * 6, ImGui::GetContentRegionAvail().y - footer);
  const float places_w = std::floor(ImGui::GetContentRegionAvail().x * 0.32f);
  ImGui::BeginChild("##places", ImVec2(places_w, list_h), true);
  ImGui::TextDisabled("Places");
  const char* home = std::getenv("HOME");
  std::error_code ec;
  const auto list = recent();
  for (const Place& p : places(browser_.dir(), home != nullptr ? home : "",
                               std::filesystem::current_path(ec), list)) {
    ImGui::PushID(p.dir.c_str());
    if (ImGui::Selectable(p.label.c_str(), p.dir == fb.dir())) {
      fb.browse(p.dir);
      browsed();
      modal_error_ = fb.error();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.dir.c_str());
    ImGui::PopID();
  }
  ImGui::Spacing();
  ImGui::TextDisabled("Recent files");
  if (list.empty()) ImGui::TextDisabled("  (none yet)");
  for (const std::string& r : list) {
    ImGui::PushID(r.c_str());
    const std::string name = std::filesystem::path(r).filename().string();
    if (ImGui::Selectable(name.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
      set_buffer(path_buf_, sizeof path_buf_, r);
      if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) to_open = r;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##listing", ImVec2(0, list_h), true);
  const auto& entries = fb.entries();
  if (entries.empty() && fb.error().empty()) {
    ImGui::TextDisabled(fb.hidden_files() > 0 ? "No scenario or trace here (Show: all files)."
                                              : "This folder is empty.");
  }
  std::optional<std::size_t> activated;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const FileEntry& e = entries[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string label = e.folder ? e.name + "/" : e.name;
    if (e.folder) ImGui::PushStyleColor(ImGuiCol_Text, palette::kAccent);
    if (ImGui::Selectable(label.c_str(), file_selected_ == static_cast<int>(i),
                          ImGuiSelectableFlags_AllowDoubleClick)) {
      file_selected_ = static_cast<int>(i);
      if (!e.folder) set_buffer(path_buf_, sizeof path_buf_, (fb.dir() / e.name).string());
      // Double-click only, for folders too: a single click that browsed would hand the double
      // click's second click to the new listing's row under the mouse.
      if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) activated = i;
    }
    if (e.folder) ImGui::PopStyleColor();
    if (!e.folder && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", human_size(e.size).c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (activated) {
    to_open = fb.activate(*activated);
    if (!to_open) {
      browsed();
      modal_error_ = fb.error();
    }
  }

  // 3. What went wrong, and the buttons.
  if (!modal_error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    text_wrapped(modal_error_);
    ImGui::PopStyleColor();
  } else if (fb.hidden_files() > 0) {
    ImGui::TextDisabled("%zu other %s here (Show: all files)", fb.hidden_files(),
                        fb.hidden_files() == 1 ? "file" : "files");
  } else {
    ImGui::TextDisabled("Double-click a folder or a file, or type a path and press Enter.");
  }
  if (ImGui::Button("Open")) {
    const std::filesystem::path before = fb.dir();
    to_open = fb.submit(path_buf_);
    if (!to_open && fb.dir() != before && fb.error().empty()) browsed();
    modal_error_ = fb.error();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  if (to_open) {
    if (open(to_open->string(), &modal_error_)) ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void FileActions::draw() {
  open_dropped();

  if (open_requested_) {
    open_requested_ = false;
    modal_error_.clear();
    // The folder of the file shown, else the scenarios.
    std::filesystem::path start = std::filesystem::path(controller_.path()).parent_path();
    std::error_code ec;
    if (start.empty() || !std::filesystem::is_directory(start, ec)) start = browser_.dir();
    const bool asked = !browse_dir_.empty();
    if (asked) start = std::exchange(browse_dir_, {});
    file_browser_.browse(start);
    file_selected_ = -1;
    modal_error_ = file_browser_.error();
    set_buffer(
        path_buf_, sizeof path_buf_,
        !asked && modal_error_.empty() ? controller_.path() : (file_browser_.dir() / "").string());
    ImGui::OpenPopup("Open a scenario or a trace");
  }
  // Save and Export start from the script's name (or "run"), its seed and the file's ending.
  const auto open_with_name = [this](const char* modal, const char* ending) {
    modal_error_.clear();
    std::string stem = std::filesystem::path(controller_.chunkname()).stem().string();
    if (stem.empty()) stem = "run";
    set_buffer(path_buf_, sizeof path_buf_,
               stem + "-seed" + std::to_string(controller_.settings().seed) + ending);
    ImGui::OpenPopup(modal);
  };
  if (save_requested_) {
    save_requested_ = false;
    open_with_name("Save the run's trace", ".rdv.jsonl");
  }
  if (export_requested_) {
    export_requested_ = false;
    open_with_name("Export to Perfetto", ".perfetto.json");
  }
  const float width = ImGui::GetFontSize() * 34;
  draw_open_dialog();
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
      text(modal_error_);
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
      text(modal_error_);
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
