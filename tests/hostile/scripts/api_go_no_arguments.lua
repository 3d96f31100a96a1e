-- Attacks: go() with no arguments at all, inside a task.
-- Expect: "function expected, got no value" at the task's line.
--! diag: function expected, got no value
go("spawner", function()
  go() --@
end)
sleep(1)
