scenario { title = "API: WaitGroup, Mutex, RWMutex, atomic", chapter = "guide" }
local wg = waitgroup("wg")                  -- var wg sync.WaitGroup
local mu = mutex("mu")                      -- var mu sync.Mutex
local rw = rwmutex("config")                -- var rw sync.RWMutex
local n = atomic(0, "n")                    -- var n atomic.Int64
local config = { limit = 1 }

for i = 1, 3 do
  wg:add(1)                                 -- wg.Add(1)
  go("reader " .. i, function()
    rw:rlock()                              -- rw.RLock(): readers share the lock
    local limit = config.limit
    rw:runlock()                            -- rw.RUnlock()
    n:add(limit)                            -- n.Add(limit)
    wg:done()                               -- wg.Done()
  end)
end
wg:wait()                                   -- wg.Wait()
print("n =", n:load())                      -- n.Load()

rw:lock()                                   -- rw.Lock(): a writer is alone
config.limit = 2
rw:unlock()                                 -- rw.Unlock()
n:store(10)                                 -- n.Store(10)
mu:lock()                                   -- mu.Lock()
print("try_lock while held:", mu:try_lock())   -- mu.TryLock()
mu:unlock()                                 -- mu.Unlock()
print("try_lock when free:", mu:try_lock(), "n =", n:load(), "limit =", config.limit)
mu:unlock()
