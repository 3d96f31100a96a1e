// ui/autosave_modals.h — the two questions of session/autosave.h, asked in ImGui modals.
//
// Example (each frame, inside the shell's frame):
//   draw_unsaved_modal(work);                       // while work.asking()
//   draw_restore_modal(offer, work, [&](const std::string& text) { editor.set(text); });
#pragma once

#include "session/autosave.h"

#include <functional>
#include <optional>
#include <string>

namespace rdv::ui {

// - "Unsaved changes": Save / Discard / Cancel while work.asking().
void draw_unsaved_modal(session::UnsavedWork& work);

// - An autosaved edit offered at start: Restore (calls `restore` with its text) or Discard.
void draw_restore_modal(std::optional<session::RestoreOffer>& offer, session::UnsavedWork& work,
                        const std::function<void(const std::string&)>& restore);

}  // namespace rdv::ui
