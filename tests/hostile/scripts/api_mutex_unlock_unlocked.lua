-- Attacks: unlocking a mutex nobody holds (Go: fatal error, not recoverable).
-- Expect: "unlock of unlocked mutex" at the line; pcall cannot hide it.
--! diag: unlock of unlocked mutex
local mu = mutex("mu")
pcall(function()
  mu:unlock() --@
end)
print("not reached")
