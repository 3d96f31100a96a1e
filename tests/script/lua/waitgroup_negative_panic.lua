-- An unrecovered panic in a task ends the run: message, task and line, exit 2.
--! outcome: panic
--! diag: panic: sync: negative WaitGroup counter
--! diag: goroutine 2 [running]:
--! diag: extra at waitgroup_negative_panic.lua:9
local wg = waitgroup()
local done = chan(0)
go("extra", function()
  wg:done()
  done:send(true)
end)
done:recv()
print("never")
