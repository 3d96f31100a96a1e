// script/assignments.h — which variables each line of a script assigns, found without running it.
//
// The Variables pane shows writes, not just changes: in the lost update two tasks both store 4,
// and the second store is the one that matters although the value did not change. A Lua hook
// cannot see a store, but it sees lines: the universe asks this map which names a line assigns
// and reads them once the line has run.
//
//  - An assignment statement `a, t.x, u[k] = ...` assigns the base names a, t and u; a
//    declaration `local v <const> = ...` assigns v. `local v` without `=`, loop variables,
//    parameters and `function f()` definitions are not assignments here.
//  - The names are recorded at the line of the statement's last token: that is where Lua stores
//    the values (an expression spanning lines is evaluated first).
//  - Never fails: a broken script gives whatever statements could be recognised.
//
// Example:
//   auto m = find_assignments("local v = counter\ncounter = v + 1\n");
//   // m.at(1) == {"v"}, m.at(2) == {"counter"}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rdv::script {

using AssignmentsByLine = std::unordered_map<std::uint32_t, std::vector<std::string>>;

AssignmentsByLine find_assignments(std::string_view source);

}  // namespace rdv::script
