-- Attacks: a string bigger than the memory cap sent through a channel.
-- Expect: the memory limit, at the line that builds it.
--! diag: memory limit exceeded
local ch = chan(1)
go("sender", function()
  local chunk = string.rep("z", 64 << 20)
  ch:send(chunk .. chunk .. chunk .. chunk .. chunk) --@
end)
print(#ch:recv())
