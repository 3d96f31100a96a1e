-- error() in a task is a panic too (with Lua's file:line prefix), and names the task.
--! outcome: panic
--! diag: panic: error_uncaught.lua:7: bad input
--! diag: goroutine 2 [running]
--! diag: parser at error_uncaught.lua:7
go("parser", function()
  error("bad input")
end)
sleep(1 * second)
