-- Attacks: the compiler with a goto whose label does not exist.
-- Expect: "no visible label ... at line 8" (Lua names the end of the block as the place).
--! diag: no visible label 'retry' for <goto> at line 8
--! line: any
local n = 0
while n < 3 do
  n = n + 1
  goto retry
end
