-- Attacks: string.rep of an empty string math.maxinteger times (Lua's loop copies nothing
-- 2^63 times), then the same with a one-byte string in a loop.
-- Expect: the empty one is made at once; the loop of 1 MiB copies ends at the step budget.
--! diag: instructions without reaching a synchronization point
print(#string.rep("", math.maxinteger), #string.rep("", math.maxinteger, ""))
while true do
  local s = string.rep("x", 1 << 20) --@
end
