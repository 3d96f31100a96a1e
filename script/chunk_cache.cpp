#include "script/chunk_cache.h"

#include <lua.hpp>

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>

namespace rdv::script {
namespace {

struct Entry {
  std::string name;
  std::string text;
  std::shared_ptr<const std::string> code;  // lua_dump of the function the text compiled to
  std::size_t bytes() const { return name.size() + text.size() + code->size(); }
};

struct Cache {
  std::mutex mu;
  std::list<Entry> entries;  // most recently used first; guarded by mu
  std::unordered_multimap<std::size_t, std::list<Entry>::iterator> by_hash;  // guarded by mu
  std::size_t bytes = 0;                                                     // guarded by mu
  std::size_t hits = 0;                                                      // guarded by mu
  std::size_t misses = 0;                                                    // guarded by mu

  // The compiled form of (name, text), or null. Shared, not copied: an entry may be evicted by
  // another thread as soon as the lock is released, the code stays alive with its user.
  std::shared_ptr<const std::string> find(std::size_t h, std::string_view name,
                                          std::string_view text) {
    std::lock_guard lk(mu);
    auto [lo, hi] = by_hash.equal_range(h);
    for (auto it = lo; it != hi; ++it) {
      const Entry& e = *it->second;
      if (e.name == name && e.text == text) {
        entries.splice(entries.begin(), entries, it->second);
        ++hits;
        return e.code;
      }
    }
    ++misses;
    return nullptr;
  }

  void add(std::size_t h, Entry e) {
    if (e.bytes() > kMaxCachedBytes) return;
    std::lock_guard lk(mu);
    auto [lo, hi] = by_hash.equal_range(h);
    for (auto it = lo; it != hi; ++it) {  // another thread compiled it meanwhile
      if (it->second->name == e.name && it->second->text == e.text) return;
    }
    bytes += e.bytes();
    entries.push_front(std::move(e));
    by_hash.emplace(h, entries.begin());
    while (entries.size() > kMaxCachedEntries || bytes > kMaxCachedBytes) evict_last();
  }

  void evict_last() {  // mu held
    const auto last = std::prev(entries.end());
    for (auto it = by_hash.begin(); it != by_hash.end(); ++it) {
      if (it->second == last) {
        by_hash.erase(it);
        break;
      }
    }
    bytes -= last->bytes();
    entries.erase(last);
  }
};

// Never destroyed: a run on another thread (an exploration the app is tearing down) may still
// load a chunk while the process exits.
Cache& cache() {
  static Cache* c = new Cache();
  return *c;
}

// A long text is hashed by samples (its length, head, tail and 64 bytes of every 4 KiB): a
// lowered Go program's chunk carries its 100 KB support library, hashed twice at the start of
// every run otherwise. A match is still the whole text compared (find), so texts that share
// the samples only share a bucket.
std::size_t text_hash(std::string_view text) {
  constexpr std::size_t kWhole = 8192;
  constexpr std::size_t kStride = 4096;
  constexpr std::size_t kSample = 64;
  if (text.size() <= kWhole) return std::hash<std::string_view>{}(text);
  std::size_t h = std::hash<std::size_t>{}(text.size());
  const auto mix = [&h](std::string_view part) {
    h ^= std::hash<std::string_view>{}(part) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  };
  mix(text.substr(0, kWhole / 2));
  mix(text.substr(text.size() - kWhole / 2));
  for (std::size_t at = kWhole / 2; at + kSample < text.size(); at += kStride) {
    mix(text.substr(at, kSample));
  }
  return h;
}

std::size_t key_hash(std::string_view name, std::string_view text) {
  const std::size_t a = std::hash<std::string_view>{}(name);
  const std::size_t b = text_hash(text);
  return a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
}

int append_code(lua_State*, const void* p, std::size_t n, void* out) {
  try {
    static_cast<std::string*>(out)->append(static_cast<const char*>(p), n);
    return 0;
  } catch (const std::bad_alloc&) {
    return 1;  // lua_dump stops; the text simply stays uncached
  }
}

}  // namespace

int load_text_chunk(lua_State* L, std::string_view text, const char* chunkname) {
  if (text.size() < kMinCachedBytes) {
    return luaL_loadbufferx(L, text.data(), text.size(), chunkname, "t");
  }
  const std::string_view name(chunkname);
  const std::size_t h = key_hash(name, text);
  if (const std::shared_ptr<const std::string> kept = cache().find(h, name, text)) {
    // LUA_ERRMEM is the only way a chunk that loaded before can fail: the run's memory is out.
    return luaL_loadbufferx(L, kept->data(), kept->size(), chunkname, "b");
  }
  const int status = luaL_loadbufferx(L, text.data(), text.size(), chunkname, "t");
  if (status != LUA_OK) return status;
  const bool strip = name == kGoSupportChunk;
  try {
    auto code = std::make_shared<std::string>();
    if (lua_dump(L, &append_code, code.get(), strip ? 1 : 0) == 0 && !code->empty()) {
      cache().add(h, Entry{std::string(name), std::string(text), code});
      if (strip) {
        // From the first load on, as every later one loads it: without its debug information.
        lua_pop(L, 1);
        return luaL_loadbufferx(L, code->data(), code->size(), chunkname, "b");
      }
    }
  } catch (const std::bad_alloc&) {
    // Not kept; the function is loaded all the same.
  }
  return status;
}

ChunkCacheStats chunk_cache_stats() {
  Cache& c = cache();
  std::lock_guard lk(c.mu);
  return {c.entries.size(), c.bytes, c.hits, c.misses};
}

}  // namespace rdv::script
