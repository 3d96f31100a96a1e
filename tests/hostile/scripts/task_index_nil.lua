-- Attacks: a task that indexes nil (the commonest beginner mistake) while main waits for it.
-- Expect: a panic naming the task's line; main, parked on recv, is torn down.
--! diag: attempt to index a nil value
local results = chan(0, "results")
go("worker", function()
  local cfg = nil
  results:send(cfg.size) --@
end)
print(results:recv())
