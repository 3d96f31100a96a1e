-- Waiting without holding the mutex unlocks an unlocked mutex: Go's fatal error, not a panic.
--! outcome: error
--! diag: unlock of unlocked mutex
local c = cond(mutex())
print(pcall(function() c:wait() end))
print("never")
