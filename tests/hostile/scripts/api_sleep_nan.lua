-- Attacks: sleep(0/0): a NaN duration (every comparison with NaN is false).
-- Expect: "duration out of range".
--! diag: duration out of range
sleep(0 / 0) --@
