-- Everyone waiting on a cond nobody signals is Go's deadlock, reported in Go's words.
--! outcome: deadlock
--! diag: all goroutines are asleep - deadlock!
--! diag: [sync.Cond.Wait]
--! diag: waiting on Cond ready
local mu = mutex()
local ready = cond(mu, "ready")
go("other", function() mu:lock() ready:wait() end)
mu:lock()
ready:wait()
