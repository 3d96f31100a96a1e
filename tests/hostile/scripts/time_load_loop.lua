-- Attacks: compiling a 4 MiB chunk over and over (load's work is in C).
-- Expect: the step budget ends the loop at the load's line.
--! diag: (in load)
local chunk = "return " .. string.rep("1 + ", 1 << 20) .. "1"
while true do
  local f = load(chunk) --@
end
