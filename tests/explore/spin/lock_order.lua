scenario { title = "SPIN cross-check: lock-order inversion", expect = "may deadlock" }
-- Same model as lock_order.pml.
local a = mutex("a")
local b = mutex("b")
local wg = waitgroup()
wg:add(2)
go("p1", function() a:lock(); b:lock(); b:unlock(); a:unlock(); wg:done() end)
go("p2", function() b:lock(); a:lock(); a:unlock(); b:unlock(); wg:done() end)
wg:wait()
