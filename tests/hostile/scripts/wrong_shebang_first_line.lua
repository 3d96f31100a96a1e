#!/usr/bin/env rendezvous
-- Attacks: a first line starting with #! (the header reader skipped it, the run failed with
-- "unexpected symbol near '#'" at line 1).
-- Expect: the run skips it as the header reader does; the lines keep their numbers.
--! diag: the shebang line was skipped
scenario { title = "shebang" }
error("the shebang line was skipped") --@
