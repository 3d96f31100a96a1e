-- Attacks: an atomic counter past math.maxinteger, and atomic("x").
-- Expect: a bad argument for the string; the add wraps around as Go's int64 does (no undefined
-- behaviour), and the script then fails on purpose with the wrapped value.
--! diag: wrapped to -9223372036854775808
print(pcall(atomic, "x"))
local a = atomic(math.maxinteger, "big")
local v = a:add(1)
error("wrapped to " .. v) --@
