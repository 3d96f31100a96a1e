-- Attacks: printing a big table over and over: print is a synchronization point (the step
-- budget restarts) and each display sorts the table's 100,000 keys, so the output cap is far.
-- (Not more: under ASan and a loaded machine, building 300,000 keys once took the 2 s itself.)
-- Expect: --limit-wall 2 ends it at its line, seconds later.
--! args: --limit-wall 2
--! quiet
--! diag: time limit exceeded: the run took more than 2 s of wall time (--limit-wall)
local t = {}
for i = 1, 100000 do t["k" .. i] = i end
while true do print(t) end --@
