// ui/file_actions.cpp — Open / Save trace modals, recent files and dropped paths.
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

constexpr std::size_t kMaxRecent = 8;

bool ends_with(const std::string& s, const char* suffix) {
  const std::size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

void set_buffer(char* buf, std::size_t size, const std::string& text) {
  std::snprintf(buf, size, "%s", text.c_str());
}

}  // namespace

std::vector<std::string> FileActions::recent() const {
  std::vector<std::string> out;
  const std::string& all = shell_.setting("recent");
  std::size_t start = 0;
  while (start < all.size()) {
    const std::size_t end = std::min(all.find(';', start), all.size());
    if (end > start) out.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void FileActions::remember(const std::string& path) {
  std::error_code ec;
  const std::string abs = std::filesystem::absolute(path, ec).string();
  std::vector<std::string> list = recent();
  list.erase(std::remove(list.begin(), list.end(), abs), list.end());
  list.insert(list.begin(), abs);
  if (list.size() > kMaxRecent) list.resize(kMaxRecent);
  std::string joined;
  for (const auto& p : list) {
    if (p.find(';') != std::string::npos) continue;  // cannot be stored in the list
    joined += joined.empty() ? p : ";" + p;
  }
  shell_.set_setting("recent", joined);
}

bool FileActions::open(const std::string& path, std::string* error) {
  // Called again by the before-open hook (which opens the file itself): keep its error.
  if (in_before_open_ && error == nullptr) error = &hook_error_;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (error != nullptr) *error = path + ": no such file";
    return false;
  }
  if (before_open_ && !in_before_open_) {
    // The hook opens the file itself by calling open() again, now or once answered.
    in_before_open_ = true;
    hook_error_.clear();
    const bool now = before_open_(path);
    in_before_open_ = false;
    if (!now) return true;  // asked first; opened once answered
    if (error != nullptr && !hook_error_.empty()) *error = hook_error_;
    return hook_error_.empty();
  }
  if (ends_with(path, ".rdv.jsonl") || ends_with(path, ".jsonl")) {
    if (!controller_.open_trace(path, error)) return false;
    browser_.deselect();  // the list no longer highlights the scenario shown before
  } else if (ends_with(path, ".lua")) {
    browser_.select(browser_.add_file(path));
    if (!browser_.source_error().empty()) {
      if (error != nullptr) *error = browser_.source_error();
      return false;
    }
  } else {
    if (error != nullptr) *error = path + ": not a scenario (.lua) or a trace (.rdv.jsonl)";
    return false;
  }
  remember(path);
  message_ = "opened " + path;
  return true;
}

void FileActions::drop(std::vector<std::string> paths) {
  dropped_.insert(dropped_.end(), paths.begin(), paths.end());
}

void FileActions::open_dropped() {
  // Several files dropped at once: each is opened in turn, the last one stays open; the first
  // error is kept for the status line.
  std::string first_error;
  for (const std::string& p : dropped_) {
    std::string error;
    if (!open(p, &error) && first_error.empty()) first_error = error;
  }
  dropped_.clear();
  if (!first_error.empty()) message_ = first_error;
}

bool FileActions::export_perfetto(const std::string& path, std::string* error,
                                  trace::TimeAxis axis) {
  const model::Model& m = controller_.model();
  if (m.size() == 0) {
    if (error != nullptr) *error = "nothing to export: the run has no events yet";
    return false;
  }
  if (path.empty()) {
    if (error != nullptr) *error = "give a file name, e.g. run.perfetto.json";
    return false;
  }
  trace::Footer footer;
  footer.outcome = m.head().outcome;
  footer.message = std::string(m.str(m.head().message));
  const trace::Trace t = trace::make_trace(
      m.header(), m.events(), [&](sim::StrId id) { return m.str(id); }, footer);
  if (auto s = trace::export_perfetto(t, path, trace::PerfettoOptions{axis}); !s) {
    if (error != nullptr) *error = s.error();
    return false;
  }
  message_ = "exported " + path + " (open it in ui.perfetto.dev)";
  return true;
}

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
