scenario { title = "Deadlock gallery: everybody waits for somebody", chapter = "2.1",
           concept = "If every task is blocked and no timer is pending, nothing can ever wake them: Go stops the program.",
           watch = "worker waits on jobs, main waits on results: both lanes blocked, then the deadlock report.",
           expect = "deadlocks" }

local jobs = chan(0, "jobs")
local results = chan(0, "results")

go("worker", function()
  local n = jobs:recv()        -- waits for a job ...
  results:send(n * n)
end)

-- BUG: main forgot `jobs:send(7)` before waiting for the answer.
local v = results:recv()       -- ... while main waits for its result: all goroutines are asleep
print("square: " .. v)         -- never reached
