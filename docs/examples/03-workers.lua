scenario { title = "Workers, a WaitGroup and a mutex", chapter = "guide",
           concept = "Add before go, Done when finished, Wait for all; shared data only under a lock.",
           watch = "main waits on the WaitGroup until its counter is back to 0." }

local wg = waitgroup("workers")
local mu = mutex("total")
local total = 0                             -- shared by the workers: guarded by mu
local calls = atomic(0, "calls")            -- a counter needs no lock

for i = 1, 3 do
  wg:add(1)                                 -- before go, never inside the task
  go("worker " .. i, function()
    sleep(i * 10 * ms)                      -- the work
    mu:lock()
    total = total + i
    mu:unlock()
    calls:add(1)
    wg:done()
  end)
end

wg:wait()                                   -- returns when the counter is 0
print("total:", total, "calls:", calls:load(), "at", now(), "ms")
