-- Attacks: go() with a name and a number instead of a function.
-- Expect: "function expected" at the line.
--! diag: bad argument #2 to 'go' (function expected, got number)
go("worker", 42) --@
