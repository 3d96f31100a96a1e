-- An uncaught panic(v) in main: "panic: v", the task, its line and the Lua traceback.
--! outcome: panic
--! diag: panic: the answer is {42}
--! diag: main at panic_uncaught.lua:8
--! diag: stack traceback:
local function fail(x)
  print("failing")
  panic("the answer is " .. tostring({ x }))
end
fail(42)
--> failing
