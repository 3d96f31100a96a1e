-- Readers waiting on a cond over rw:rlocker() that nobody signals: Go's deadlock, each in
-- [sync.Cond.Wait], named by the cond; each released its read lock, so a writer is not stuck.
--! outcome: deadlock
--! diag: all goroutines are asleep - deadlock!
--! diag: [sync.Cond.Wait]
--! diag: waiting on Cond loaded
local rw = rwmutex("config")
local loaded = cond(rw:rlocker(), "loaded")
go("reader", function() rw:rlock() loaded:wait() end)
go("writer", function() rw:lock() print("writer in") rw:unlock() end)
rw:rlock()
loaded:wait()
--> writer in
