-- Attacks: memory, doubling a string until it cannot be held, inside pcall (pcall must not
-- swallow the limit).
-- Expect: the memory limit at the concatenation's line.
--! diag: memory limit exceeded
pcall(function()
  local s = "x"
  while true do
    s = s .. s --@
  end
end)
print("not reached")
