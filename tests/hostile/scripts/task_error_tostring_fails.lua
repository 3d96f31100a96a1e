-- Attacks: a panic value whose __tostring raises, then loops; the reporter must not crash or hang.
-- Expect: a panic whose message is the __tostring's error, at its line.
--! diag: tostring exploded
--! line: any
local evil = setmetatable({}, { __tostring = function() error("tostring exploded") end })
go("worker", function()
  error(evil)
end)
sleep(1)
