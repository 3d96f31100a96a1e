-- Attacks: main spinning forever without ever reaching the API.
-- Expect: the step budget ends the run at the loop's line.
--! diag: instructions without reaching a synchronization point
local n = 0
while true do
  n = n + 1 --@
end
