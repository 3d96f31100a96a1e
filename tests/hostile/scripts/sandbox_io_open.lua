-- Attacks: the sandbox, by reading /etc/passwd through io, from a task.
-- Expect: io does not exist, at the task's line.
--! diag: attempt to index a nil value (global 'io')
go("reader", function()
  local f = io.open("/etc/passwd") --@
  print(f:read("a"))
end)
sleep(1)
