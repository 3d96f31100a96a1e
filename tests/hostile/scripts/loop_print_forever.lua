-- Attacks: printing forever (every line an event and output kept in memory).
-- Expect: prints are no synchronization points: the step budget (each API call counts as 500
-- instructions) ends the run at the print's line.
--! diag: without reaching a synchronization point
--! quiet
while true do
  print("spam spam spam spam spam spam spam spam spam spam spam spam spam spam spam") --@
end
