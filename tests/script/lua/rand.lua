-- rand and math.random draw from the run's seed: ranges hold, and the values are reproducible
-- (the determinism test compares whole runs seed by seed).
--! outcome: ok
local ok = true
for i = 1, 1000 do
  local a, b, c, d = rand(6), rand(), math.random(3, 5), math.random()
  ok = ok and a >= 1 and a <= 6 and math.type(a) == "integer"
  ok = ok and b >= 0 and b < 1 and c >= 3 and c <= 5 and d >= 0 and d < 1
end
print(ok, math.random(7, 7), rand(1))
print(pcall(rand, 0))
print(pcall(math.randomseed, 1))
--> true\t7\t1
--> false\tbad argument #1 to 'rand' (rand(n) needs n >= 1)
--> false\tmath.randomseed (randomness comes from the run's seed) is not available in scenarios
