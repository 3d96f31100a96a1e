-- Attacks: the sandbox, by loading a C module through require and package.loadlib.
-- Expect: package is absent (pcall'd), require is nil: "attempt to call a nil value".
--! diag: attempt to call a nil value (global 'require')
print(pcall(function() return package.loadlib("libc.so.6", "system") end))
local ffi = require("ffi") --@
