// script/display.h — how Lua values are shown: print, tostring, channel slots, event values.
//
// Go's %v is the model, made deterministic (no addresses ever, so a run's output and events are
// the same byte for byte for the same seed):
//  - nil, true/false; integers in decimal; floats as Go prints a float64 (shortest form that
//    reads back, exponent form below 1e-4 and from 1e6: 2.0 → "2", 0.1 → "0.1", 1e6 → "1e+06");
//  - strings as they are at top level; inside tables quoted ("a");
//  - tables as {1, 2, k=v}: the sequence 1..n first, then the other keys in the deterministic
//    order of key_less(); nested to depth 3 and 16 entries, then "…"; a table seen twice on the
//    path is "{…}"; a __tostring metamethod is used when present;
//  - the API's objects by kind and name ("chan result", "waitgroup wg3", "task 2 worker");
//  - functions as "function: file.lua:12" (where defined) or "function: builtin"; coroutines
//    as "thread".
#pragma once

#include <string>
#include <string_view>

#include <lua.hpp>

namespace rdv::script {

// Go's %v of a float64.
std::string format_float(double v);
// Go's %v of a float32 held in v: the shortest form that reads back as the same float32
// (float32(0.1) → "0.1", where format_float gives "0.10000000149011612").
std::string format_float32(double v);

// The display of the value at `idx`; `quoted` quotes strings (used inside tables and for
// values that would read as something else in a channel slot). At most 4,096 bytes of it, and
// never silently: a longer display ends in "… (N more bytes)" (strings cut: N is exact) or
// "… (display cut at 4,096 bytes)" (values of a big table left out). Strings are cut before
// they are copied or quoted. (print and tostring show a string argument whole: stdlib.cpp.)
std::string display_value(lua_State* L, int idx, bool quoted = false);

// Marks L as running a lowered Go program (gofront): its tables are then shown as Go's %+v
// shows the values they hold, told apart by their shape (gofront/prelude.lua): a slice
// {a, o, n, c} as [1 2 3], a map {d, n} as map[a:1 b:2] (keys sorted), an interface value
// {t, v} as its dynamic value, a struct as {id:1 name:go} (fields in name order: the table
// keeps no declaration order), nil as <nil>, strings inside unquoted. Raw reads only.
void set_go_values(lua_State* L);

// `s` whole if it has at most `max` bytes; else its first bytes (up to a UTF-8 character
// boundary) followed by "… (N more bytes)".
std::string cut_text(std::string_view s, std::size_t max);

// The display for an event's `val`: strings as-is unless empty or reading as a number, a
// boolean or nil (then quoted).
std::string display_for_event(lua_State* L, int idx);

// Strict weak order on keys for deterministic iteration: numbers (by value) < strings (bytewise)
// < booleans (false first) < other values (by the order they were first seen, see object_id).
bool key_less(lua_State* L, int a, int b);

// A Go program's map keys in fmt's order, as far as the values show it: numbers (NaN first),
// strings, booleans; arrays element by element, interfaces by their value, structs field by
// field (by name, the order the pane shows them); other tables as key_less orders them.
bool go_key_less(lua_State* L, int a, int b, int depth);

// A small integer naming a table, function, userdata or thread, given in the order objects are
// first asked about. Deterministic for a deterministic run (replaces addresses).
lua_Integer object_id(lua_State* L, int idx);

}  // namespace rdv::script
