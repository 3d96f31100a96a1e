-- Attacks: printing forever (every line an event and output kept in memory).
-- Expect: a print is a scheduling point (output is visible), so the step budget restarts at
-- each one; the output limit (32 MiB) ends the run at the print's line.
--! diag: output limit exceeded
--! quiet
while true do
  print("spam spam spam spam spam spam spam spam spam spam spam spam spam spam spam") --@
end
