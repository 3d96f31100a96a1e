-- Attacks: the sandbox, by loading a precompiled chunk with load(..., "b") and with the default
-- mode, and through string.dump.
-- Expect: each refused; the last as an error at its line.
--! diag: string.dump is not available in scenarios
local bytes = "\27LuaT\0\25\147\r\n\26\n\4\8\8xV\0\0\0\0\0\0\0\0\0\0\0(w@"
print(pcall(load, bytes, "evil", "b"))
print(load(bytes, "evil"))
print(load(bytes, "evil", "bt"))
local dumped = string.dump(function() return 1 end) --@
