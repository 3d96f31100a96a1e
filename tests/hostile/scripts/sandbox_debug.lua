-- Attacks: the sandbox, by reaching the registry or an upvalue through debug.
-- Expect: debug does not exist.
--! diag: attempt to index a nil value (global 'debug')
local reg = debug.getregistry() --@
