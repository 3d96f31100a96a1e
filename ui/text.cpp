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

std::string wrap_words(std::string_view s, float width) {
  std::string scratch;
  const std::string_view whole = text_run(s, &scratch);
  const float space = ImGui::CalcTextSize(" ").x;
  std::string out;
  float line = 0;  // width of the line being filled
  std::size_t start = 0;
  while (start <= whole.size()) {
    std::size_t end = whole.find(' ', start);
    if (end == std::string_view::npos) end = whole.size();
    if (end > start) {
      std::string word(whole.substr(start, end - start));
      float w = ImGui::CalcTextSize(word.c_str()).x;
      if (w > width) {
        word = fit_text(word, width);
        w = ImGui::CalcTextSize(word.c_str()).x;
      }
      if (line > 0 && line + space + w <= width) {
        out += ' ';
        line += space + w;
      } else if (line > 0) {
        out += '\n';
        line = w;
      } else {
        line = w;
      }
      out += word;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace rdv::ui
