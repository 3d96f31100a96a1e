-- Negative durations are Go's: sleep returns at once, after fires at once, a context whose
-- timeout is negative is already past its deadline, a ticker's non-positive period panics.
--! outcome: ok
--! live: no
local t0 = now()
sleep(-5 * ms)
print("slept", now() - t0)
local v = after(-1 * second):recv()
print("after", v - t0, now() - t0)
local ctx, cancel = context.with_timeout(context.background(), -1 * ms)
print(ctx:err())
ctx:done():recv()
cancel()
print(pcall(ticker, -1 * ms))
print(pcall(ticker, 0))
--> slept\t0
--> after\t0\t0
--> context deadline exceeded
--> false\tnon-positive interval for NewTicker
--> false\tnon-positive interval for NewTicker
