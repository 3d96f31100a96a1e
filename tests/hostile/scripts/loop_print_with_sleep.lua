-- Attacks: printing 4 KiB lines forever, sleeping between them (each sleep is a sync point, so
-- the step budget never fires; the output is kept for the report and the trace).
-- Expect: the output limit (32 MiB) at the print's line.
--! diag: output limit exceeded
--! quiet
local line = string.rep("0123456789abcdef", 256)
while true do
  print(line) --@
  sleep(1)
end
