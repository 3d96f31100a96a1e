-- Attacks: a live run whose main sleeps 3,500 s (the run's time limit used to be an hour of
-- wall time, so it ran for 58 minutes).
-- Expect: the wall limit (600 s by default) can never be met: the run ends at once, at the
-- line of the sleep that parked last (either task's: live mode).
--! args: --mode live
--! line: any
--! diag: time limit exceeded: every task waits for a timer that fires after the run's limit
go("napper", function() sleep(4000 * second) end)
sleep(3500 * second)
print("never")
