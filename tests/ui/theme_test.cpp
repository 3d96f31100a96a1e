// tests/ui/theme_test.cpp — the fonts: Chinese glyphs merged into each of them.
#include "ui/theme.h"
#include "tests/ui/imgui_frames.h"
#include "ui/text.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

using rdv::ui::fonts;
using rdv::ui::load_fonts;

TEST_CASE("fonts: Chinese from the seed text gets glyphs in every font, rarer ones on demand") {
  rdv::test::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // U+9F98 (a rare ideograph, outside ImGui's 2,500 common ones) only when a header uses it.
  load_fonts(1.0f, "\xE9\xBE\x98");
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  REQUIRE_MESSAGE(fonts().cjk, "fonts-droid-fallback (tools/setup-deps.sh) is not installed");
  for (ImFont* f : {fonts().ui, fonts().mono, fonts().heading}) {
    CHECK(f->FindGlyphNoFallback(U'使') != nullptr);  // 使用 channel 获取返回值
    CHECK(f->FindGlyphNoFallback(U'获') != nullptr);
    CHECK(f->FindGlyphNoFallback(U'\u3002') != nullptr);  // 。 CJK punctuation
    CHECK(f->FindGlyphNoFallback(0x9F98) != nullptr);
    CHECK(f->FindGlyphNoFallback('A') != nullptr);  // DejaVu's Latin still first
  }
  // Latin stays DejaVu's: DejaVu Sans Mono's 'i' and 'W' are as wide (Droid's are not).
  CHECK(fonts().mono->FindGlyph('i')->AdvanceX == fonts().mono->FindGlyph('W')->AdvanceX);
  // In the monospaced font a Chinese character is two columns wide, as the source view counts
  // it, and so is full-width punctuation.
  const float column = fonts().mono->FindGlyph('0')->AdvanceX;
  CHECK(fonts().mono->FindGlyph(U'使')->AdvanceX == 2 * column);
  CHECK(fonts().mono->FindGlyph(U'\uFF1A')->AdvanceX == 2 * column);  // ：
  CHECK(fonts().ui->FindGlyph(U'使')->AdvanceX != 2 * column);        // the other fonts keep theirs
  io.Fonts->Clear();
  load_fonts(1.0f);
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  CHECK(fonts().ui->FindGlyphNoFallback(U'使') != nullptr);
  CHECK(fonts().ui->FindGlyphNoFallback(0x9F98) == nullptr);
  // What a program's text needs beyond the atlas (a seed comment's 拟, U+62DF), each once;
  // loaded as extra text, nothing is missing any more.
  const std::string text = "// \u6A21\u62DF\u8017\u65F6 a \u62DF \u9F98";  // 模拟耗时 a 拟 龘
  const std::string missing = rdv::ui::missing_glyphs(text);
  CHECK(missing == "\u62DF\u9F98");
  io.Fonts->Clear();
  load_fonts(1.0f, missing);
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  CHECK(rdv::ui::missing_glyphs(text).empty());
}

TEST_CASE("fit_text: a cut name ends in an ellipsis, a numbered goroutine keeps its number") {
  rdv::test::HeadlessImGui imgui;
  ImGui::NewFrame();
  const auto w = [](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; };
  CHECK(rdv::ui::fit_text("main", 500) == "main");  // fits: as it is
  const std::string name = "main.main.func1 (goroutine 12)";
  const float width = w(name) * 0.7f;
  const std::string cut = rdv::ui::fit_text(name, width);
  CHECK(w(cut) <= width);
  CHECK(cut.ends_with("\xE2\x80\xA6 (goroutine 12)"));  // the stem is cut, not the number
  CHECK(cut.rfind("main.", 0) == 0);
  const std::string plain = rdv::ui::fit_text("a long channel name for the plot", 60);
  CHECK(w(plain) <= 60);
  CHECK(plain.ends_with("\xE2\x80\xA6"));
  CHECK(rdv::ui::fit_text("héé", w("h") + w("\xE2\x80\xA6") + 1) ==
        "h\xE2\x80\xA6");  // whole chars
  ImGui::EndFrame();
}

TEST_CASE("wrap_words: lines break at spaces, a word too wide alone is cut, never broken") {
  rdv::test::HeadlessImGui imgui;
  ImGui::NewFrame();
  const auto w = [](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; };
  using rdv::ui::wrap_words;
  CHECK(wrap_words("wait on Cond q.notEmpty", 1000) == "wait on Cond q.notEmpty");
  CHECK(wrap_words("wait on Cond q.notEmpty", w("wait on Cond")) == "wait on Cond\nq.notEmpty");
  CHECK(wrap_words("wait on Cond", w("wait on") + 1) == "wait on\nCond");
  // "runnable" in a column narrower than the word: "runn…", not "runnin" over "g".
  const std::string cut = wrap_words("runnable", w("runnab"));
  CHECK(cut.find('\n') == std::string::npos);
  CHECK(cut.ends_with("\xE2\x80\xA6"));
  CHECK(w(cut) <= w("runnab"));
  CHECK(wrap_words("  two  spaces ", 1000) == "two spaces");
  CHECK(wrap_words("", 100).empty());
  ImGui::EndFrame();
}
