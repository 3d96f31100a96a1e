-- Attacks: rand(0) and math.random(5, 1).
-- Expect: "rand(n) needs n >= 1" recovered, then "interval is empty" at the line.
--! diag: interval is empty
print(pcall(rand, 0))
print(math.random(5, 1)) --@
