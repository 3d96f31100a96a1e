-- Attacks: error() with a table value (no message) in a task.
-- Expect: a panic whose message shows the table; the line of the error call.
--! diag: panic: {
--! diag: code=42
go("worker", function()
  error({ code = 42, why = "not a string" }) --@
end)
sleep(10)
