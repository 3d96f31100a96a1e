-- select{} with no cases and no default blocks forever (deadlock when alone).
--! outcome: deadlock
--! diag: select
select {}
