-- Attacks: quadratic-and-worse backtracking in gsub and gmatch, in a task while main waits.
-- Expect: the step budget ends the task's gsub at its line.
--! diag: (in string.gsub)
local done = chan()
go("trimmer", function()
  local s = string.rep(" ", 200000) .. "x"
  s = s:gsub("%s*%s*%s*$", "") --@
  done:send(s)
end)
print(done:recv())
