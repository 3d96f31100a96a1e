// script/go_funcs.cpp — see go_funcs.h.
#include "script/go_funcs.h"

#include <charconv>

namespace rdv::script {

namespace {

constexpr std::string_view kOpen = "--[==[go-funcs\n";
constexpr std::string_view kClose = "]==]";

// Reads an unsigned number and the space after it from the front of `s`.
bool take_number(std::string_view& s, std::uint32_t& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc{} || end == s.data() + s.size() || *end != ' ') return false;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()) + 1);
  return true;
}

}  // namespace

GoFuncs::GoFuncs(std::string_view chunk) {
  const std::size_t open = chunk.rfind(kOpen);
  if (open == std::string_view::npos) return;
  std::string_view rest = chunk.substr(open + kOpen.size());
  while (!rest.empty() && !rest.starts_with(kClose)) {
    const std::size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) break;
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    Func f;
    if (!take_number(line, f.first) || !take_number(line, f.last) || line.empty() ||
        f.last < f.first) {
      funcs_.clear();  // not what gofront writes: no names rather than wrong ones
      return;
    }
    f.name = line;
    funcs_.push_back(std::move(f));
  }
}

std::string_view GoFuncs::frame(std::uint32_t first, std::uint32_t last, std::uint32_t line) const {
  const Func* best = nullptr;
  for (const Func& f : funcs_) {
    if (f.last != last) continue;
    if (f.first == first) return f.name;
    if (f.first <= line && (best == nullptr || f.first > best->first)) best = &f;
  }
  return best != nullptr ? std::string_view(best->name) : std::string_view();
}

std::string_view GoFuncs::enclosing(std::uint32_t line) const {
  // A function that begins on the line itself is most often the literal a go statement starts
  // (go func() {...}()): one that began before it holds the statement.
  const Func* best = nullptr;
  const auto better = [&](const Func& f) {
    if (best == nullptr) return true;
    if ((f.first < line) != (best->first < line)) return f.first < line;
    return f.first >= best->first;
  };
  for (const Func& f : funcs_) {
    if (f.first <= line && line <= f.last && better(f)) best = &f;
  }
  if (best == nullptr) return {};
  std::string_view name = best->name;
  return name.substr(0, name.rfind('('));
}

}  // namespace rdv::script
