// The small-block pool of a run's Lua state (script/lua_pool.h): blocks by size class, reused
// when freed, chunks kept across states, and a run's memory cap still bounding what the pool
// holds (each chunk is charged whole).
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <set>
#include <string>

#include "script/lua_pool.h"
#include "script/run.h"

using rdv::script::LuaPool;

TEST_CASE("lua pool: blocks are cut from a chunk, 16-aligned, apart, and reused by size class") {
  if (LuaPool::kMaxBlock == 0) return;  // off under ASan: every block is malloc's
  LuaPool pool;
  CHECK(pool.take(24) == nullptr);  // no chunk yet: the caller charges one first
  REQUIRE(pool.add_chunk());
  std::set<std::uintptr_t> starts;
  for (std::size_t n = 1; n <= LuaPool::kMaxBlock; n += 7) {
    void* p = pool.take(n);
    REQUIRE(p != nullptr);
    CHECK(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
    std::memset(p, 0xAB, n);  // the whole block is the caller's
    CHECK(starts.insert(reinterpret_cast<std::uintptr_t>(p)).second);
  }
  void* a = pool.take(40);
  pool.give(a, 40);
  CHECK(pool.take(33) == a);  // 33 and 40 bytes share a 48-byte block
  void* b = pool.take(40);
  pool.give(b, 40);
  CHECK(pool.take(100) != b);  // another class: not that block
  CHECK(LuaPool::same_block(33, 48));
  CHECK_FALSE(LuaPool::same_block(48, 49));
  CHECK_FALSE(LuaPool::small(0));
  CHECK_FALSE(LuaPool::small(LuaPool::kMaxBlock + 1));
}

TEST_CASE("lua pool: a closed state's chunks serve the next state") {
  if (LuaPool::kMaxBlock == 0) return;
  void* first = nullptr;
  {
    LuaPool pool;
    REQUIRE(pool.add_chunk());
    first = pool.take(16);
  }
  LuaPool next;
  REQUIRE(next.add_chunk());
  CHECK(next.take(16) == first);  // the cache gave the same chunk back (the last one in)
}

TEST_CASE("lua pool: a script of small objects past the memory cap ends in the memory limit") {
  rdv::script::RunOptions opt;
  opt.memory_cap = std::size_t{16} << 20;
  rdv::sim::EventLog log;
  // Millions of small tables and strings, every one of them a pool block.
  const auto r = rdv::script::run_source("small.lua", R"lua(
local t = {}
for i = 1, 100000000 do t[i] = { tostring(i) } end
)lua",
                                         opt, log);
  CHECK(r.result.outcome == rdv::sim::Outcome::Error);
  CHECK(r.result.message.find("small.lua:3: memory limit exceeded") != std::string::npos);
}
