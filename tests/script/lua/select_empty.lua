-- select{} with no cases and no default blocks forever (deadlock when alone).
--! outcome: deadlock
--! diag: goroutine 1 [select (no cases)]:
select {}
