-- send on a nil channel blocks forever too; another task's wait makes it a deadlock.
--! outcome: deadlock
--! diag: goroutine 1
--! diag: goroutine 2
local wg = waitgroup("wg")
wg:add(1)
go("stuck", function()
  nilchan():send(1)
  wg:done()
end)
wg:wait()
