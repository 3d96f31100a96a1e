scenario { title = "API: output, randomness, panics", chapter = "guide" }
print("a", 1, true, nil, { 1, 2 })          -- fmt.Println("a", 1, true, nil, []int{1, 2})
note("checkpoint")                          -- a marker on the timeline (no output)
print(rand(6), rand(6), math.random(6))     -- drawn from the run's seed: same seed, same numbers
print(rand() < 1)
print(pcall(panic, "oops"))                 -- defer func() { recover() }(); panic("oops")
print(pcall(error, "plain", 0))             -- error(msg, 0): the message without file:line
local ok, err = pcall(function() error("with position") end)
print(ok, err)                              -- error(msg): Lua puts file:line in front
