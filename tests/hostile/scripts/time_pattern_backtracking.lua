-- Attacks: a pattern that backtracks about 10^20 times inside one string.find call (Lua's own
-- matcher runs it in C, where no hook reaches it).
-- Expect: the step budget ends it at the call's line, naming string.find.
--! diag: instructions without reaching a synchronization point
--! diag: (in string.find)
local subject = string.rep("a", 100000)
print(string.find(subject, ".-.-.-.-x")) --@
