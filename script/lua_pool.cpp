// script/lua_pool.cpp — small blocks for a run's Lua state, chunks kept across runs.
#include "script/lua_pool.h"

#include <cstdlib>
#include <mutex>

namespace rdv::script {
namespace {

// Chunks of closed states, for the next state to take. At most kKeep (4 MiB) stay; a run that
// held more gives the rest back to the system.
constexpr std::size_t kKeep = 64;

struct ChunkCache {
  std::mutex mu;
  std::vector<void*> chunks;  // guarded by mu
};

ChunkCache& cache() {
  static auto* c = new ChunkCache;  // never destroyed: runs may close during exit
  return *c;
}

}  // namespace

LuaPool::~LuaPool() {
  ChunkCache& c = cache();
  std::lock_guard lk(c.mu);
  for (void* p : chunks_) {
    if (c.chunks.size() < kKeep) {
      c.chunks.push_back(p);
    } else {
      std::free(p);
    }
  }
}

void* LuaPool::take(std::size_t n) noexcept {
  const std::size_t k = cls(n);
  if (Free* f = free_[k]) {
    free_[k] = f->next;
    return f;
  }
  const std::size_t size = k * kGrain;
  if (static_cast<std::size_t>(end_ - next_) < size) return nullptr;
  void* p = next_;
  next_ += size;
  return p;
}

bool LuaPool::add_chunk() noexcept {
  void* p = nullptr;
  {
    ChunkCache& c = cache();
    std::lock_guard lk(c.mu);
    if (!c.chunks.empty()) {
      p = c.chunks.back();
      c.chunks.pop_back();
    }
  }
  if (p == nullptr) p = std::malloc(kChunk);
  if (p == nullptr) return false;
  try {
    chunks_.push_back(p);
  } catch (...) {
    std::free(p);
    return false;
  }
  // The rest of the previous chunk is too small for the block asked; it stays unused.
  next_ = static_cast<char*>(p);
  end_ = next_ + kChunk;
  return true;
}

void LuaPool::give(void* p, std::size_t n) noexcept {
  const std::size_t k = cls(n);
  auto* f = static_cast<Free*>(p);
  f->next = free_[k];
  free_[k] = f;
}

}  // namespace rdv::script
