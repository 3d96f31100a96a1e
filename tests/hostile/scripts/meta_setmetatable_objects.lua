-- Attacks: setmetatable on runtime objects (channel, waitgroup, task handle), and replacing the
-- metatable of a select case.
-- Expect: every attempt refused; the last as an error at its line.
--! diag: cannot change a protected metatable
print(pcall(setmetatable, chan(1), {}))
print(pcall(setmetatable, waitgroup(), {}))
print(pcall(setmetatable, go(function() end), {}))
local case = on_recv(chan(1))
setmetatable(case, { __index = function() return 1 end }) --@
