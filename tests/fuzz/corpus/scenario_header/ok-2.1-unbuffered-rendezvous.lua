scenario { title = "Unbuffered rendezvous", chapter = "2.1",
           concept = "An unbuffered channel hands over a value only when both sides meet.",
           watch = "The sender stays blocked at send until main reaches recv.",
           expect = "never deadlocks" }

local ch = chan(0, "result")             -- capacity 0: no buffer, a rendezvous
go("asyncTask", function()
  sleep(2 * second)                      -- simulated work
  ch:send(42)                            -- blocks until main is at recv
end)
local v, ok = ch:recv()                  -- main blocks here until asyncTask sends
print("result:", v)                      -- print separates its arguments with a tab
