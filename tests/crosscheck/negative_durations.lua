-- Negative durations: sleep returns at once, after fires at once, a context whose timeout is
-- negative is already past its deadline, ticker panics.
local t0 = now()
sleep(-5 * ms)
after(-1 * second):recv()
print("returned at once: " .. tostring(now() - t0 < 50 * ms))
local ctx, cancel = context.with_timeout(context.background(), -1 * ms)
print(ctx:err())
ctx:done():recv()
cancel()
print(select(2, pcall(ticker, -1 * ms)))
