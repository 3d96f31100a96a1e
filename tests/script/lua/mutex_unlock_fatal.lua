-- Unlocking an unlocked mutex is Go's fatal error: pcall cannot recover it; the run errors.
--! outcome: error
--! diag: unlock of unlocked mutex
--! diag: mutex_unlock_fatal.lua:6
local mu = mutex()
print(pcall(function() mu:unlock() end))
print("never")
