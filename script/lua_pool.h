// script/lua_pool.h — where a run's Lua state keeps its small blocks (issue 20).
//
// A fresh Lua state per run (every explored schedule starts clean) allocates thousands of small
// objects one by one: strings, closures, table parts. Through malloc that was about a quarter
// of an empty schedule's time (docs/performance.md). The pool serves blocks of up to kMaxBlock
// bytes from 64 KiB chunks: a block is taken from its size class's free list or cut from the
// current chunk, and freed onto that list; the chunks go back to a process-wide cache when the
// state is closed, so the next run's state reuses them without asking the system.
//
// - Memory: the universe charges each chunk to the run's budget as it takes it (chunk()), not
//   each block, so the memory a run holds is what its budget says, fragmentation included.
// - Threads: a pool belongs to one universe, whose allocator runs only under its Gil; the chunk
//   cache is shared by every run and has its own mutex.
// - Sanitizers: under ASan the pool is off (kMaxBlock = 0), so every block is malloc's and a
//   stray write into a userdata is still caught.
//
// Example (Universe::alloc):
//   if (LuaPool::small(nsize)) { void* p = pool.take(nsize); ... }
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace rdv::script {

class LuaPool {
 public:
#if defined(__SANITIZE_ADDRESS__)
  static constexpr std::size_t kMaxBlock = 0;
#else
  static constexpr std::size_t kMaxBlock = 256;
#endif
  static constexpr std::size_t kChunk = std::size_t{64} << 10;

  LuaPool() = default;
  LuaPool(const LuaPool&) = delete;
  LuaPool& operator=(const LuaPool&) = delete;
  ~LuaPool();  // gives the chunks back to the cache (the state is closed by then)

  static bool small(std::size_t n) noexcept {
    return n != 0 && n <= kMaxBlock;
  }
  // Two sizes share a block when they round up to the same class.
  static bool same_block(std::size_t a, std::size_t b) noexcept {
    return cls(a) == cls(b);
  }

  // A block of n bytes (small(n)); null when a new chunk is needed: the caller charges kChunk
  // to its budget and calls add_chunk(), then take() again.
  void* take(std::size_t n) noexcept;
  // Takes a chunk from the cache or the system; false when the system has none to give.
  bool add_chunk() noexcept;
  void give(void* p, std::size_t n) noexcept;  // the block of n bytes at p is free again

 private:
  static constexpr std::size_t kGrain = 16;
  static std::size_t cls(std::size_t n) noexcept {
    return (n + kGrain - 1) / kGrain;
  }

  struct Free {
    Free* next;
  };
  std::array<Free*, kMaxBlock / kGrain + 1> free_{};
  char* next_ = nullptr;  // the uncut rest of the current chunk
  char* end_ = nullptr;
  std::vector<void*> chunks_;
};

}  // namespace rdv::script
