-- Attacks: a channel method called on a WaitGroup (the objects' metatables are told apart).
-- Expect: "channel expected, got waitgroup".
--! diag: channel expected, got waitgroup
local ch = chan(1)
local wg = waitgroup()
ch.recv(wg) --@
