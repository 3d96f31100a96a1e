// script/chunk_cache.h — compiled Lua chunks shared by every run of the process.
//
// A run starts from a fresh Lua state (isolation: nothing one run does can reach the next), so
// without this every run parses its text again: a lowered Go program's support library is
// 54 KB of Lua, parsed at the start of every run, and an exploration runs thousands. Parsing is
// the same work each time, so its result is kept: the function the parser made is dumped with
// its debug information (lua_dump, not stripped) and later loads of the same text under the
// same name load that binary form instead. Lines, names, tracebacks and errors are the same;
// only texts that compiled are kept, so a text with a syntax error fails as it always did.
//
// One chunk is kept without its debug information: a lowered Go program's support library
// (named kGoSupportChunk), from its first load on. No line of it is ever shown: a Go program's
// errors, panics, tracebacks and the lines its tasks are at name the program's own lines, and
// the library raises Go's panics without a position. The debug information was 40 % of the
// library's undump, paid at the start of every run of a Go program (issue 20).
#pragma once

#include <cstddef>
#include <string_view>

struct lua_State;

namespace rdv::script {

// Loads `text` as a Lua text chunk named `chunkname` and pushes the function or the error
// message, with the status luaL_loadbufferx(L, text, size, chunkname, "t") returns. A text of
// at least kMinCachedBytes that compiled under the same name before is loaded from its compiled
// form (at most kMaxCachedEntries texts, kMaxCachedBytes of text and code together; the least
// recently used goes first). Safe to call from any thread.
int load_text_chunk(lua_State* L, std::string_view text, const char* chunkname);

inline constexpr std::size_t kMinCachedBytes = 256;
// gofront loads the library with load(lib, "=[go]"); the sandbox's load() drops the "=" (a
// chunk's name never passes for a file's), so the name the cache sees is "[go]".
inline constexpr std::string_view kGoSupportChunk = "[go]";
inline constexpr std::size_t kMaxCachedEntries = 64;
inline constexpr std::size_t kMaxCachedBytes = std::size_t{32} << 20;

// What the cache holds and has done (for tests and benchmarks).
struct ChunkCacheStats {
  std::size_t entries = 0;
  std::size_t bytes = 0;
  std::size_t hits = 0;
  std::size_t misses = 0;
};
ChunkCacheStats chunk_cache_stats();

}  // namespace rdv::script
