scenario { title = "API: Cond", chapter = "guide" }
local mu = mutex("mu")                      -- var mu sync.Mutex
local ready = cond(mu, "ready")             -- ready := sync.NewCond(&mu)
local done = waitgroup("done")
local queue = {}

for i = 1, 2 do
  done:add(1)
  go("consumer " .. i, function()
    ready:locker():lock()                   -- ready.L.Lock(): L is the mutex
    while #queue == 0 do                    -- for len(queue) == 0 {
      ready:wait()                          --   ready.Wait(): unlock, sleep, lock again
    end
    table.remove(queue, 1)
    ready:locker():unlock()                 -- ready.L.Unlock()
    done:done()
  end)
end

mu:lock()
queue[#queue + 1] = "a"
ready:signal()                              -- ready.Signal(): wakes the longest waiter
mu:unlock()
mu:lock()
queue[#queue + 1] = "b"
ready:broadcast()                           -- ready.Broadcast(): wakes every waiter
mu:unlock()
done:wait()
print("left in the queue:", #queue)
