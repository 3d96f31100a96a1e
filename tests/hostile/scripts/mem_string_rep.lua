-- Attacks: memory, with one string.rep of a terabyte.
-- Expect: refused at once (Lua's size check or the memory limit), naming the line.
--! diag: too large
local s = string.rep("x", 1 << 40) --@
