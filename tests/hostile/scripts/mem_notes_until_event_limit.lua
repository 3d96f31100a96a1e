-- Attacks: event texts. A 4 KiB note, a million times: every note's text is kept in the event log
-- (0.9-1.3 GB by the event limit before texts were charged to the run's memory budget; explore
-- wrote a 559 MiB failure trace of them).
-- Expect: the memory limit ends the run at the note() line, with the events named in the message.
--! args: --limit-memory 32
--! diag: memory limit exceeded: the script uses more than 32 MiB
--! diag: events
local text = string.rep("n", 4096)
for i = 1, 1000000 do
  note(text) --@
end
