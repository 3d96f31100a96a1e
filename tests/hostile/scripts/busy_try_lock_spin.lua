-- Attacks: spinning on try_lock while another task holds the mutex forever.
-- Expect: the step budget ends the spin at its line, as a busy-wait.
--! diag: it looks like a busy-wait
local mu = mutex("mu")
local held = chan(0)
go("holder", function()
  mu:lock()
  held:send(true)
  chan(0):recv()
end)
held:recv()
while not mu:try_lock() do end --@
