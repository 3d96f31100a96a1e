-- Attacks: scenario() with a string and note() with nothing.
-- Expect: the first is recovered, the second is "value expected" at its line.
--! diag: bad argument #1 to 'note' (value expected)
print(pcall(scenario, "title"))
note() --@
