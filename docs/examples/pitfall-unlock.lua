scenario { title = "Pitfall: unlocking a mutex nobody holds", chapter = "guide" }
local mu = mutex("mu")
print(pcall(mu.unlock, mu))                 -- a fatal error in Go: pcall cannot catch it
print("never printed")
