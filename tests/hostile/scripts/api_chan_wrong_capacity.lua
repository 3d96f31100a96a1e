-- Attacks: chan() with a string capacity.
-- Expect: a bad-argument panic at the call's line.
--! diag: bad argument #1 to 'chan' (capacity (integer) expected, got string)
local ch = chan("ten") --@
