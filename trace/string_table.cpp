#include "trace/string_table.h"

namespace rdv::trace {

StringTable::StringTable() {
  strings_.emplace_back();
}

StringTable::StringTable(const StringTable& other) : StringTable() {
  *this = other;
}

StringTable& StringTable::operator=(const StringTable& other) {
  if (this == &other) return *this;
  // Rebuild the map: its keys must view our own strings, not the other table's.
  strings_ = other.strings_;
  ids_.clear();
  for (std::size_t i = 1; i < strings_.size(); ++i) {
    ids_.emplace(strings_[i], static_cast<sim::StrId>(i));
  }
  return *this;
}

sim::StrId StringTable::intern(std::string_view s) {
  if (s.empty()) return 0;
  if (const auto it = ids_.find(s); it != ids_.end()) return it->second;
  const auto id = static_cast<sim::StrId>(strings_.size());
  strings_.emplace_back(s);
  ids_.emplace(strings_.back(), id);
  return id;
}

std::string_view StringTable::str(sim::StrId id) const noexcept {
  return id < strings_.size() ? std::string_view(strings_[id]) : std::string_view();
}

std::size_t StringTable::bytes() const noexcept {
  std::size_t n = strings_.size() * (sizeof(std::string) + 2 * sizeof(void*) + 8);
  for (const auto& s : strings_) {
    if (s.capacity() > 15) n += s.capacity() + 1;
  }
  return n;
}

}  // namespace rdv::trace
