-- Attacks: sorting a big table and walking it with pairs over and over, with no sync point:
-- each call is C work (the sort, pairs' key order) that no instruction count saw.
-- Expect: the step budget ends the loop at its line.
--! diag: instructions without reaching a synchronization point
local t = {}
for i = 1, 200000 do t[i] = (i * 7919) % 200003 end
while true do table.sort(t); for _ in pairs(t) do break end end --@
