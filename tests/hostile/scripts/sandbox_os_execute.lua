-- Attacks: the sandbox, by running a shell command through os.
-- Expect: os does not exist: "attempt to index a nil value (global 'os')".
--! diag: attempt to index a nil value (global 'os')
os.execute("echo pwned > /tmp/rdv-pwned") --@
