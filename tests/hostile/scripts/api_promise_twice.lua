-- Attacks: settling a promise twice.
-- Expect: a panic at the second set (a promise settles once).
--! diag: promise
local p = promise("p")
p:set(1)
p:set(2) --@
