-- Attacks: WaitGroup done() more often than add().
-- Expect: Go's "sync: negative WaitGroup counter" at the line.
--! diag: sync: negative WaitGroup counter
local wg = waitgroup()
wg:add(1)
wg:done()
wg:done() --@
