// gofront/prelude.h — the Lua support library of lowered Go programs (internal to gofront).
//
// Loaded by line 1 of every lowered chunk as the chunk "=[go]" (so its frames never count as
// the program's lines): Go's values (slices sharing backing arrays with Go's append growth, maps
// with seeded iteration order, structs copied by value, interfaces as (type, value) boxes),
// integer division and wrap-around, strings as bytes, fmt's formatting, errors, defer/panic/
// recover, and the bridges from Go's sync/time/context to the script API (design.md §4).
#pragma once

#include <string>

namespace rdv::gofront {

const std::string& prelude_source();

}  // namespace rdv::gofront
