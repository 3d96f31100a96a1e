-- Attacks: main sleeping in a loop forever (virtual time runs on, no task is ever blocked
-- for good, so there is no deadlock).
-- Expect: the time limit ends the run, naming the line main sleeps at.
--! diag: time limit exceeded
while true do
  sleep(1000) --@
end
