// ui/autosave_modals.cpp — "Unsaved changes" and "Restore an unsaved edit?".
#include "ui/autosave_modals.h"
#include "ui/text.h"

#include "ui/theme.h"

#include <imgui.h>

#include <filesystem>

namespace rdv::ui {

using session::Answer;
using session::RestoreOffer;
using session::UnsavedWork;

namespace {

// Begins the modal `title` (once opened), sized to its content and centred in the window when it
// appears; true while it shows (then end it with ImGui::EndPopup).
bool begin_centred_modal(const char* title) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  return ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

}  // namespace

void draw_unsaved_modal(UnsavedWork& work) {
  constexpr const char* kTitle = "Unsaved changes";
  if (work.asking() && !ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
  if (!begin_centred_modal(kTitle)) return;
  const float em = ImGui::GetFontSize();
  ImGui::PushTextWrapPos(em * 30);
  ImGui::PushFont(fonts().heading);
  ImGui::Text("Save the changes to %s?",
              std::filesystem::path(work.path()).filename().string().c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::TextDisabled("%s", work.path().c_str());
  ImGui::TextUnformatted("The edited script is not saved. Discarding it loses the edit.");
  if (!work.error().empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
    text(work.error());
    ImGui::PopStyleColor();
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  ImGui::Spacing();
  const ImVec2 button(em * 6, 0);
  if (ImGui::Button("Save", button)) work.answer(Answer::Save);
  ImGui::SameLine();
  if (ImGui::Button("Discard", button)) work.answer(Answer::Discard);
  ImGui::SameLine(0, em * 2);
  if (ImGui::Button("Cancel", button) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
    work.answer(Answer::Cancel);
  if (!work.asking()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void draw_restore_modal(std::optional<RestoreOffer>& offer, UnsavedWork& work,
                        const std::function<void(const std::string&)>& restore) {
  constexpr const char* kTitle = "Restore an unsaved edit?";
  if (offer && !offer->shown && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
    ImGui::OpenPopup(kTitle);
    offer->shown = true;
  }
  if (!begin_centred_modal(kTitle)) return;
  const float em = ImGui::GetFontSize();
  if (!offer) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::PushTextWrapPos(em * 30);
  ImGui::PushFont(fonts().heading);
  ImGui::Text("%s was being edited",
              std::filesystem::path(offer->path).filename().string().c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::TextUnformatted(
      "An edit of this scenario was not saved when the app last closed. It was kept:");
  ImGui::TextDisabled("%s", work.autosave().file_for(offer->path).string().c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  ImGui::Spacing();
  const ImVec2 button(em * 8, 0);
  if (ImGui::Button("Restore it", button)) {
    restore(offer->text);
    offer.reset();
    ImGui::CloseCurrentPopup();
  } else {
    ImGui::SameLine();
    if (ImGui::Button("Discard it", button)) {
      work.forget_autosave(offer->path);
      offer.reset();
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
}

}  // namespace rdv::ui
