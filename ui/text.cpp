#include "ui/text.h"

#include "script/display.h"

#include <imgui.h>

#include <string>

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

std::string fit_text(std::string_view s, float width) {
  const auto w = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
  std::string scratch;
  const std::string whole(text_run(s, &scratch));
  if (w(whole) <= width) return whole;
  const std::size_t number = whole.rfind(" (goroutine ");
  const std::string tail = number != std::string::npos && whole.back() == ')'
                               ? "\xE2\x80\xA6" + whole.substr(number)
                               : "\xE2\x80\xA6";
  std::string head =
      whole.substr(0, number != std::string::npos && whole.back() == ')' ? number : whole.size());
  while (!head.empty() && w(head + tail) > width) {
    head.pop_back();
    while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80)
      head.pop_back();  // a UTF-8 continuation byte: the rest of a character
  }
  return head + tail;
}

}  // namespace rdv::ui
