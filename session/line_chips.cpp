// session/line_chips.cpp — placing the Source pane's task chips (see the header for the rules).
//
// The choice, in order of preference:
//   1. every chip with its full name after the line's text (what a wide pane always showed);
//   2. every chip, at the longest length at which all of them fit between the code and the
//      visible edge;
//   3. the most chips that fit there followed by "+N", at the longest length that shows that
//      many (a chip of its own is worth more than a longer name);
//   4. "+N" alone, closer to the code (half the gap);
//   5. nothing fits there: the full chips after the text, off the visible edge.
// The chips of 2 and 3 start right after the text when there is room, else end at the edge.
#include "session/line_chips.h"

#include <algorithm>
#include <cstdint>

namespace rdv::session {

namespace {

constexpr std::string_view kPickArrow = "\xE2\x96\xB6 ";  // ▶
constexpr std::string_view kTaskArrow = "\xE2\x97\x80 ";  // ◀
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";    // …

// `s` cut to `n` code points, "…" in place of what is cut (the ellipsis counts as one).
std::string cut(std::string_view s, std::size_t n) {
  std::size_t points = 0, i = 0, keep = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (points + 1 == n) keep = i;
    ++points;
  }
  if (points <= n) return std::string(s);
  return std::string(s.substr(0, keep)) + std::string(kEllipsis);
}

// The goroutine number of a name that ends with " (goroutine N)", else empty.
std::string_view goroutine_number(std::string_view name) {
  constexpr std::string_view kOpen = " (goroutine ";
  const std::size_t at = name.rfind(kOpen);
  if (at == std::string_view::npos || !name.ends_with(')')) return {};
  const std::string_view n = name.substr(at + kOpen.size(), name.size() - at - kOpen.size() - 1);
  if (n.empty() || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return {};
  return n;
}

}  // namespace

std::array<std::string, 3> chip_texts(const ChipTask& t) {
  const std::string arrow(t.pick ? kPickArrow : kTaskArrow);
  const std::string_view number = goroutine_number(t.name);
  std::array<std::string, 3> out;
  out[0] = arrow + t.name + (t.pick ? " (pick)" : "");
  if (!number.empty()) {
    out[1] = arrow + "goroutine " + std::string(number);
    out[2] = arrow + "#" + std::string(number);
  } else {
    out[1] = arrow + cut(t.name, 12);
    out[2] = arrow + cut(t.name, 5);
  }
  return out;
}

LineChips layout_line_chips(std::span<const ChipTask> tasks, const LineGeometry& g,
                            const MeasureText& measure) {
  LineChips out;
  out.end = g.text_end + g.gap;
  const std::size_t n = tasks.size();
  if (n == 0) return out;
  constexpr std::size_t kLevels = 3;
  std::vector<std::array<std::string, 3>> texts;
  std::vector<std::array<float, 3>> widths;
  texts.reserve(n);
  widths.reserve(n);
  for (const ChipTask& t : tasks) {
    texts.push_back(chip_texts(t));
    std::array<float, 3> w{};
    for (std::size_t l = 0; l < kLevels; ++l) w[l] = measure(texts.back()[l]);
    widths.push_back(w);
  }
  const auto more_text = [&](std::size_t k) { return "+" + std::to_string(n - k); };
  // The width of the first k chips at `level`, and of "+N" after them when k < n.
  const auto row_width = [&](std::size_t level, std::size_t k) {
    float w = 0;
    for (std::size_t i = 0; i < k; ++i) w += widths[i][level] + (i > 0 ? g.gap : 0);
    if (k < n) w += (k > 0 ? g.gap : 0) + measure(more_text(k));
    return w;
  };
  const auto place = [&](float x, std::size_t level, std::size_t k) {
    out.shown = k;
    out.shortened = level > 0;
    for (std::size_t i = 0; i < k; ++i) {
      out.chips.push_back({x, widths[i][level], texts[i][level], i, false});
      x += widths[i][level] + g.gap;
    }
    if (k < n) {
      const std::string more = more_text(k);
      const float w = measure(more);
      out.chips.push_back({x, w, more, k, true});
      x += w + g.gap;
    }
    out.end = x;
    // Chips over the end of the line: its text stops half a gap short of them.
    if (out.chips.front().x - g.gap / 2 < g.text_end)
      out.text_clip = out.chips.front().x - g.gap / 2;
  };
  const float after_text = g.text_end + g.gap;
  // 1. Everything, in full, after the text.
  if (after_text + row_width(0, n) <= g.right) {
    place(after_text, 0, n);
    return out;
  }
  // 2. and 3. Between the code and the edge: the most chips, then the longest names.
  const float room = g.right - (g.code_end + g.gap);
  std::size_t best_k = 0, best_level = kLevels;
  for (std::size_t level = 0; level < kLevels; ++level) {
    for (std::size_t k = n + 1; k-- > 0;) {
      if (row_width(level, k) > room) continue;
      if (best_level == kLevels || k > best_k) {
        best_k = k;
        best_level = level;
      }
      break;
    }
    if (best_level != kLevels && best_k == n) break;
  }
  if (best_level != kLevels) {
    place(std::min(after_text, g.right - row_width(best_level, best_k)), best_level, best_k);
    return out;
  }
  // 4. "+N" alone, half a gap after the code: a sign that there is more, where a full gap
  //    leaves no room for it.
  if (const float w = row_width(0, 0); w <= room + g.gap / 2) {
    place(std::max(g.code_end + g.gap / 2, std::min(after_text, g.right - w)), 0, 0);
    return out;
  }
  // 5. Not even that fits beside the code: after the text, scrolled to.
  place(after_text, 0, n);
  return out;
}

}  // namespace rdv::session
