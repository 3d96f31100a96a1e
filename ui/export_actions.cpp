// ui/export_actions.cpp — the export modals, the step-by-step animation, the progress window.
#include "ui/export_actions.h"
#include "ui/text.h"

#include "ui/theme.h"

#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

namespace rdv::ui {

namespace {

constexpr const char* kOverlayPrefix = "##rdv_export";
constexpr double kNoticeSeconds = 6.0;
constexpr std::array<double, 4> kScales = {1.0, 0.75, 0.5, 0.33};
constexpr std::array<const char*, 4> kScaleNames = {"100 %", "75 %", "50 %", "33 %"};

void set_buffer(char* buf, std::size_t size, const std::string& text) {
  std::snprintf(buf, size, "%s", text.c_str());
}

std::string size_text(int w, int h) {
  return std::to_string(w) + "x" + std::to_string(h);
}

// The red text of an error in a modal, wrapped at `width`.
void error_text(const std::string& text, float width) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

// A modal's path field (`width` wide; focused as the modal appears when `focus`), the folder it is
// relative to and the last error, then the Export button: true when it is pressed or Enter is
// typed in the field.
bool path_field_and_export(char* buf, std::size_t size, const std::string& error, float width,
                           bool focus) {
  ImGui::SetNextItemWidth(width);
  if (focus && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  const bool enter = ImGui::InputText("##path", buf, size, ImGuiInputTextFlags_EnterReturnsTrue);
  std::error_code ec;
  ImGui::TextDisabled("Relative to %s", std::filesystem::current_path(ec).c_str());
  error_text(error, width);
  return ImGui::Button("Export") || enter;
}

bool cancel_pressed() {
  return ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
}

// The folder `path` would be written in exists and may be written: checked before the first
// frame is drawn, so a mistyped folder is said at once (in the modal, or before a command line
// export renders anything).
bool writable_folder(const std::string& path, std::string* error) {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  if (!std::filesystem::is_directory(folder, ec)) {
    if (error != nullptr) *error = path + ": cannot write: no folder " + folder.string();
    return false;
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    if (error != nullptr)
      *error = path + ": cannot write: " + std::strerror(errno) + " (" + folder.string() + ")";
    return false;
  }
  if (std::filesystem::is_directory(path, ec)) {
    if (error != nullptr) *error = path + ": cannot write: it is a folder";
    return false;
  }
  return true;
}

// The path as written, whole: the notice says where the file went, whatever the folder was.
std::string absolute(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path p = std::filesystem::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

}  // namespace

bool Exporter::is_overlay(const char* window_name) {
  return window_name != nullptr &&
         std::strncmp(window_name, kOverlayPrefix, std::strlen(kOverlayPrefix)) == 0;
}

double Exporter::progress() const {
  if (kind_ == Kind::Image || frames_wanted_ <= 0) return busy() ? 0.0 : 1.0;
  return static_cast<double>(gif_.frames()) / frames_wanted_;
}

bool Exporter::start_image(const std::string& path, std::optional<Slot> pane, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error != nullptr) *error = why;
    return false;
  };
  if (busy()) return fail("an export is already under way");
  if (path.empty()) return fail("give a file name, e.g. run.png");
  if (!writable_folder(path, error)) return false;
  if (pane && shell_.pane_hidden(*pane))
    return fail("the pane " + shell_.pane_name(*pane) +
                " is hidden: show it (View ▸ Panes) or take the whole window");
  kind_ = Kind::Image;
  path_ = path;
  pane_ = pane;
  scale_ = 1.0;
  frames_wanted_ = 1;
  phase_ = Phase::Settle;
  settle_ = 1;
  return true;
}

bool Exporter::start_animation(const Animation& a, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error != nullptr) *error = why;
    return false;
  };
  if (busy()) return fail("an export is already under way");
  const std::size_t recorded = controller_.model().size();
  if (recorded == 0) return fail("nothing to export: the run has no events yet");
  if (a.path.empty()) return fail("give a file name, e.g. run.gif");
  if (!writable_folder(a.path, error)) return false;
  if (a.from > a.to)
    return fail("the first event (" + std::to_string(a.from) + ") is after the last (" +
                std::to_string(a.to) + ")");
  if (a.from > recorded)
    return fail("the run has " + std::to_string(recorded) + " events: start at " +
                std::to_string(recorded) + " or before");
  if (a.delay_ms < 20 || a.delay_ms > 60000)
    return fail("the delay is " + std::to_string(a.delay_ms) +
                " ms: give 20 ms (50 frames a second) to 60000 ms");
  if (!(a.scale >= 0.1 && a.scale <= 1.0))
    return fail("the scale must be between 0.1 and 1 (1: the window's own size)");
  if (a.pane && shell_.pane_hidden(*a.pane))
    return fail("the pane " + shell_.pane_name(*a.pane) +
                " is hidden: show it (View ▸ Panes) or take the whole window");
  kind_ = Kind::Animation;
  path_ = a.path;
  pane_ = a.pane;
  scale_ = a.scale;
  delay_ms_ = a.delay_ms;
  frame_width_ = frame_height_ = 0;
  next_ = a.from;
  last_ = std::min(a.to, recorded);
  frames_wanted_ = static_cast<int>(last_ - next_ + 1);
  saved_cursor_ = controller_.view().cursor;
  saved_follow_ = controller_.view().follow;
  recorded_ = recorded;
  controller_.request_seek(next_);
  phase_ = Phase::Settle;
  settle_ = 1;
  return true;
}

void Exporter::cancel() {
  if (!busy()) return;
  gif_.abandon();
  finish("export cancelled: " + path_ + " not written", false);
}

void Exporter::finish(const std::string& message, bool failed) {
  if (kind_ == Kind::Animation) {
    controller_.request_seek(saved_cursor_);
    controller_.view().follow = saved_follow_;
  }
  phase_ = Phase::Idle;
  message_ = message;
  failed_ = failed;
  notice_new_ = true;
}

std::optional<PixelRect> Exporter::frame_rect(const Image& framebuffer, float scale,
                                              std::string& error) {
  if (!pane_) return PixelRect{0, 0, framebuffer.width, framebuffer.height};
  const auto r = shell_.pane_rect(*pane_);
  if (!r) {
    error = "the pane " + shell_.pane_name(*pane_) +
            " is not shown: show it (View ▸ Panes) or take the whole window";
    return std::nullopt;
  }
  const auto px = [scale](float v) { return static_cast<int>(std::lround(v * scale)); };
  return PixelRect{px(r->x), px(r->y), px(r->x + r->w) - px(r->x), px(r->y + r->h) - px(r->y)};
}

void Exporter::take_frame(const Image& framebuffer, float scale) {
  if (phase_ != Phase::Capture) return;
  std::string error;
  const auto rect = frame_rect(framebuffer, scale, error);
  if (!rect) {
    gif_.abandon();
    finish(error, true);
    return;
  }
  const Image picture = scaled(crop(framebuffer, *rect), scale_);
  if (kind_ == Kind::Image) {
    if (!write_png(path_, picture, error)) {
      finish(error, true);
      return;
    }
    finish("wrote " + absolute(path_) + " (" + size_text(picture.width, picture.height) + ")",
           false);
    return;
  }
  if (!gif_.is_open()) {
    if (!gif_.open(path_, picture.width, picture.height, delay_ms_, error)) {
      finish(error, true);
      return;
    }
    frame_width_ = picture.width;
    frame_height_ = picture.height;
  } else if (picture.width != frame_width_ || picture.height != frame_height_) {
    gif_.abandon();
    finish(path_ + ": the window changed size during the export; nothing written", true);
    return;
  }
  if (!gif_.add_frame(picture, error)) {
    finish(error, true);
    return;
  }
  if (next_ >= last_) {
    const int frames = gif_.frames();
    if (!gif_.close(error)) {
      finish(error, true);
      return;
    }
    finish("wrote " + absolute(path_) + " (" + size_text(frame_width_, frame_height_) + ", " +
               std::to_string(frames) + (frames == 1 ? " frame)" : " frames)"),
           false);
    return;
  }
  ++next_;
  controller_.request_seek(next_);
  phase_ = Phase::Settle;
  settle_ = 1;
}

void Exporter::suggest_path(const char* extension) {
  std::string stem = std::filesystem::path(controller_.chunkname()).stem().string();
  if (stem.empty()) stem = "run";
  set_buffer(path_buf_, sizeof path_buf_,
             stem + "-seed" + std::to_string(controller_.settings().seed) + extension);
}

std::vector<Slot> Exporter::shown_panes() const {
  std::vector<Slot> out;
  for (int i = 0; i < kSlotCount; ++i) {
    const auto s = static_cast<Slot>(i);
    if (!shell_.pane_name(s).empty() && !shell_.pane_hidden(s)) out.push_back(s);
  }
  return out;
}

std::optional<Slot> Exporter::chosen_pane() const {
  const auto panes = shown_panes();
  if (pane_choice_ <= 0 || pane_choice_ > static_cast<int>(panes.size())) return std::nullopt;
  return panes[static_cast<std::size_t>(pane_choice_ - 1)];
}

void Exporter::pane_combo() {
  const auto panes = shown_panes();
  if (pane_choice_ > static_cast<int>(panes.size())) pane_choice_ = 0;
  const std::string current =
      pane_choice_ == 0
          ? std::string("the whole window")
          : "the pane " + shell_.pane_name(panes[static_cast<std::size_t>(pane_choice_ - 1)]);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Take:");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
  if (ImGui::BeginCombo("##take", current.c_str())) {
    if (ImGui::Selectable("the whole window", pane_choice_ == 0)) pane_choice_ = 0;
    for (std::size_t i = 0; i < panes.size(); ++i) {
      const std::string name = "the pane " + shell_.pane_name(panes[i]);
      if (ImGui::Selectable(name.c_str(), pane_choice_ == static_cast<int>(i + 1)))
        pane_choice_ = static_cast<int>(i + 1);
    }
    ImGui::EndCombo();
  }
}

void Exporter::draw_file_menu() {
  if (ImGui::MenuItem("Export image…", nullptr, false, !busy())) image_requested_ = true;
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("A PNG of the window or of one pane, as it shows now");
  if (ImGui::MenuItem("Export animation…", nullptr, false,
                      !busy() && controller_.model().size() > 0))
    animation_requested_ = true;
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("An animated GIF of the run from event a to b, one frame per step");
}

void Exporter::draw_image_modal() {
  if (image_requested_) {
    image_requested_ = false;
    modal_error_.clear();
    suggest_path(("-at" + std::to_string(controller_.view().cursor) + ".png").c_str());
    ImGui::OpenPopup("Export image");
  }
  const float width = ImGui::GetFontSize() * 34;
  if (!ImGui::BeginPopupModal("Export image", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  pane_combo();
  ImGui::TextUnformatted("as a PNG file:");
  if (path_field_and_export(path_buf_, sizeof path_buf_, modal_error_, width, true)) {
    if (start_image(path_buf_, chosen_pane(), &modal_error_)) ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (cancel_pressed()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void Exporter::draw_animation_modal() {
  const int recorded = static_cast<int>(controller_.model().size());
  if (animation_requested_) {
    animation_requested_ = false;
    modal_error_.clear();
    suggest_path(".gif");
    from_ = 0;
    to_ = recorded;
    ImGui::OpenPopup("Export animation");
  }
  const float width = ImGui::GetFontSize() * 34;
  if (!ImGui::BeginPopupModal("Export animation", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  ImGui::PushItemWidth(ImGui::GetFontSize() * 7);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("From event");
  ImGui::SameLine();
  ImGui::InputInt("##from", &from_, 1, 10);
  ImGui::SameLine();
  ImGui::TextUnformatted("to");
  ImGui::SameLine();
  ImGui::InputInt("##to", &to_, 1, 10);
  ImGui::SameLine();
  if (ImGui::SmallButton("end")) to_ = recorded;
  from_ = std::clamp(from_, 0, recorded);
  to_ = std::clamp(to_, 0, recorded);
  ImGui::TextDisabled(
      "Event k shows the run after its first k events (as the scrubber); %d "
      "recorded, the cursor is at %zu.",
      recorded, controller_.view().cursor);
  const int frames = to_ >= from_ ? to_ - from_ + 1 : 0;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Each frame shows for");
  ImGui::SameLine();
  ImGui::InputInt("##delay", &delay_field_, 50, 250);
  delay_field_ = std::clamp(delay_field_, 20, 60000);
  ImGui::SameLine();
  ImGui::Text("ms: %d frames, %.1f s", frames, frames * delay_field_ / 1000.0);
  ImGui::PopItemWidth();
  pane_combo();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Scale:");
  ImGui::SameLine();
  for (std::size_t i = 0; i < kScales.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::RadioButton(kScaleNames[i], &scale_choice_, static_cast<int>(i));
  }
  ImGui::TextUnformatted("as an animated GIF file:");
  if (path_field_and_export(path_buf_, sizeof path_buf_, modal_error_, width, false)) {
    Animation a;
    a.path = path_buf_;
    a.from = static_cast<std::size_t>(from_);
    a.to = static_cast<std::size_t>(to_);
    a.delay_ms = delay_field_;
    a.pane = chosen_pane();
    a.scale = kScales[static_cast<std::size_t>(scale_choice_)];
    if (start_animation(a, &modal_error_)) ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (cancel_pressed()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void Exporter::draw_progress() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  constexpr ImGuiWindowFlags kGuard =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav;
  // Over the panes, under the progress window: the mouse can hover or click nothing that
  // would change the pictures (or show a tooltip in them).
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##rdv_export_guard", nullptr, kGuard);
  ImGui::End();
  if (kind_ != Kind::Animation) return;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + em * 5),
                          ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowSize(ImVec2(em * 30, 0));
  ImGui::Begin("##rdv_export_progress", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextWrapped("Exporting the animation to %s", path_.c_str());
  char overlay[64];
  std::snprintf(overlay, sizeof overlay, "frame %d of %d (event %zu)", gif_.frames() + 1,
                frames_wanted_, next_);
  ImGui::ProgressBar(static_cast<float>(progress()), ImVec2(-1, 0), overlay);
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) cancel();
  ImGui::End();
}

void Exporter::draw_notice() {
  if (notice_new_) {
    notice_new_ = false;
    message_time_ = ImGui::GetTime();
  }
  if (message_time_ < 0 || ImGui::GetTime() - message_time_ > kNoticeSeconds) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y - em),
      ImGuiCond_Always, ImVec2(0.5f, 1));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->WorkSize.x * 0.8f, FLT_MAX));
  ImGui::Begin("##rdv_export_notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize);
  if (failed_) ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
  ImGui::PushTextWrapPos(vp->WorkSize.x * 0.78f);
  text(message_);
  ImGui::PopTextWrapPos();
  if (failed_) ImGui::PopStyleColor();
  ImGui::End();
}

void Exporter::draw() {
  // The run was replaced (a file opened) under an animation: its steps are gone.
  if (kind_ == Kind::Animation && busy() && controller_.model().size() < recorded_) {
    gif_.abandon();
    finish(path_ + ": the run changed during the export; nothing written", true);
  }
  if (phase_ == Phase::Settle) {
    if (settle_ > 0)
      --settle_;
    else
      phase_ = Phase::Capture;
  }
  draw_image_modal();
  draw_animation_modal();
  if (busy()) draw_progress();
  draw_notice();
}

}  // namespace rdv::ui
