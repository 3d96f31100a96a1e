-- A Lua runtime error (indexing nil) is a panic naming file:line.
--! outcome: panic
--! diag: runtime_error.lua:6: attempt to index a nil value
--! diag: stack traceback:
local cfg = nil
print(cfg.name)
