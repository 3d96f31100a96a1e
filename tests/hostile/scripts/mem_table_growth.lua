-- Attacks: memory, by growing a table of tables without end.
-- Expect: the memory limit at the line that allocates.
--! diag: memory limit exceeded
local t = {}
while true do
  t[#t + 1] = { #t } --@
end
