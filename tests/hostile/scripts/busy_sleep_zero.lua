-- Attacks: the busy-wait a beginner writes, `while true do sleep(0) end` (each sleep(0) reset the
-- step budget: the loop ran forever in run, explore, replay and the app).
-- Expect: the step budget ends it, naming the loop's line and saying it looks like a busy-wait.
--! diag: it looks like a busy-wait
while true do sleep(0) end --@
