#include "ui/text.h"

#include "script/display.h"

#include <imgui.h>

namespace rdv::ui {

std::string_view text_run(std::string_view s, std::string* scratch) {
  if (s.size() <= kMaxTextRun) return s;
  *scratch = script::cut_text(s, kMaxTextRun);
  return *scratch;
}

void text(std::string_view s) {
  std::string scratch;
  const std::string_view t = text_run(s, &scratch);
  ImGui::TextUnformatted(t.data(), t.data() + t.size());
}

void text_wrapped(std::string_view s) {
  ImGui::PushTextWrapPos(0.0f);
  text(s);
  ImGui::PopTextWrapPos();
}

}  // namespace rdv::ui
