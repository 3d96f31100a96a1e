// script/patterns.h — Lua's string patterns, charged to the step budget (internal).
//
// string.find, string.match, string.gmatch and string.gsub as Lua 5.4 has them, byte for byte
// and message for message, but matched by a matcher that charges its steps to the task's step
// budget (Universe::charge_steps) as it goes: a pattern that backtracks for ever ends at the
// budget, "(in string.find)", and a Stop reaches it. string.rep makes an empty result at once
// and charges a big one before making it. See patterns.cpp.
#pragma once

#include <lua.hpp>

namespace rdv::script::api {

// Replaces find, match, gmatch, gsub and rep in the string library table at `string_table`.
void open_patterns(lua_State* L, int string_table);

}  // namespace rdv::script::api
