scenario { title = "SPIN cross-check: unbuffered deadlock", expect = "deadlocks" }
-- Same model as unbuffered_deadlock.pml: each side waits for the other's channel first.
local ch = chan(0, "ch")
local done = chan(0, "done")
go("worker", function()
  done:recv()
  ch:recv()
end)
ch:send(1)
done:send(1)
