-- Attacks: a 100 MiB error message, copied into the run's result and written whole to stderr.
-- Expect: the message is cut to 16 KiB, saying how much was left out; stderr stays small.
--! diag: eeeeeeee… (104,841,248 more bytes)
--! max-stderr: 65536
error(string.rep("e", 100 << 20)) --@
