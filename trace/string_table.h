// trace/string_table.h — the text of a run: StrId -> string, id 0 is the empty string.
//
// Interning is deduplicating: the same text always gets the same id, and ids are handed out in
// order of first appearance. That makes a table canonical: a trace built by the Recorder and
// the same trace read back from its file have identical ids (and so identical sim::Events).
//
// Example:
//   StringTable st;
//   StrId a = st.intern("main");  // 1
//   st.intern("main") == a;       // true
//   st.str(a) == "main";          // true; st.str(0) == ""
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sim/event.h"

namespace rdv::trace {

class StringTable {
 public:
  StringTable();
  StringTable(const StringTable& other);
  StringTable& operator=(const StringTable& other);
  StringTable(StringTable&&) noexcept = default;
  StringTable& operator=(StringTable&&) noexcept = default;

  // The id of `s`, adding it if new. The empty string is always 0.
  sim::StrId intern(std::string_view s);
  // The text of `id`; "" for 0 and for ids out of range (never throws).
  std::string_view str(sim::StrId id) const noexcept;
  std::size_t size() const noexcept { return strings_.size(); }  // ids are [0, size())
  std::size_t bytes() const noexcept;                            // approximate heap use

 private:
  // A deque never moves its elements, so views into them (the map keys) stay valid.
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, sim::StrId> ids_;
};

}  // namespace rdv::trace
