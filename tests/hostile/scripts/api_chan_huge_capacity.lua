-- Attacks: chan() with a capacity past 2^32 (a C++ int would wrap it to 0 in the message).
-- Expect: the capacity is named as given and refused.
--! diag: capacity 1099511627776 out of range
local ch = chan(1 << 40) --@
