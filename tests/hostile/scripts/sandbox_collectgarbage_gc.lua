-- Attacks: the collector, with collectgarbage("collect"/"stop") and a __gc finalizer.
-- Expect: both refused; the __gc one as an error at its line.
--! diag: __gc metamethods are not available in scenarios
print(pcall(collectgarbage, "stop"))
print(pcall(collectgarbage, "collect"))
local t = setmetatable({}, { __gc = function() print("finalizer") end }) --@
