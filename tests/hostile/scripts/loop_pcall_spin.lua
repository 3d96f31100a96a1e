-- Attacks: recovering a panic forever (each pcall is a Panic and a Recover event).
-- Expect: pcall is no synchronization point: the step budget ends the run; pcall cannot swallow it.
--! diag: without reaching a synchronization point
--! line: any
while true do
  pcall(error, "again")
end
