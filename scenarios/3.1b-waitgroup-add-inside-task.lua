scenario { title = "WaitGroup misuse: Add inside the task", chapter = "3.1",
           concept = "Add must happen before Wait can run; inside the task it races with Wait, which may see 0 and return early.",
           watch = "Try several seeds (or the explorer): sometimes main passes wait before any worker ran add, prints 0 of 3 and leaves them behind.",
           expect = "may return early" }

local wg = waitgroup("workers")
local finished = 0

for i = 1, 3 do
  go("worker " .. i, function()
    wg:add(1)                 -- BUG: too late. Main may already be past wg:wait().
    sleep(100 * ms)           -- the work
    finished = finished + 1
    wg:done()
  end)
end

wg:wait()                     -- the counter may still be 0 here: then this returns at once
print("wait returned with " .. finished .. " of 3 workers finished")
-- FIX: call wg:add(1) in the loop, before go(...), as in 3.1.
