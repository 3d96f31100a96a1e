scenario { title = "SPIN cross-check: one lock order", expect = "never deadlocks" }
-- Same model as lock_order_fixed.pml.
local a = mutex("a")
local b = mutex("b")
local wg = waitgroup()
wg:add(2)
for i = 1, 2 do
  go("p" .. i, function() a:lock(); b:lock(); b:unlock(); a:unlock(); wg:done() end)
end
wg:wait()
