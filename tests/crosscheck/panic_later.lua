-- A goroutine that would panic later, but main returns first: Go ends the program, the panic
-- never happens and the exit status is 0. (Rendezvous: a leak when it was asleep at the end.)
go(function()
  sleep(10 * ms)
  panic("too late")
end)
print("main done")
