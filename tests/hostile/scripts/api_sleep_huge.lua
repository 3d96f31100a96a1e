-- Attacks: sleep(math.huge) and after(1e300): durations past what a clock can hold.
-- Expect: "duration out of range" at the after() line (sleep(math.huge) is refused first).
--! diag: duration out of range
print(pcall(sleep, math.huge))
local t = after(1e300) --@
