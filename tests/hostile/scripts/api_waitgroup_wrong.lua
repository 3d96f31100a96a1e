-- Attacks: WaitGroup add with a fraction, then with a counter overflow past 2^63.
-- Expect: the fraction is a bad argument; the overflow is refused, never wraps to negative.
--! diag: overflow
local wg = waitgroup("wg")
print(pcall(wg.add, wg, 1.5))
wg:add(math.maxinteger)
wg:add(1) --@
