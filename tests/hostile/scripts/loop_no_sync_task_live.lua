-- Attacks: in live mode, a task spinning forever without a sync point while main sleeps.
-- Expect: the step budget holds in live mode too, naming the task's line.
--! args: --mode live
--! diag: instructions without reaching a synchronization point
go("spinner", function()
  local x = 0
  while true do x = x ~ 1 end --@
end)
sleep(60 * second)
