/* A leak that needs one interleaving: the worker sends its result on an unbuffered channel only
   if it has not seen the cancel flag; main checks "ready" once and, when the worker has not
   published it yet, gives up without receiving. The worker then waits forever on its send.
   Main's end is marked with an end label: main returning is fine; the worker stuck at its send
   is the error (an invalid end state), as goleak would report it. */
chan result = [0] of { int };
bit ready = 0;

active proctype worker() {
  ready = 1;
  result ! 42
}

active proctype main() {
  if
  :: ready == 1 -> result ? _
  :: else -> skip      /* gave up: nobody will ever receive */
  fi;
end: skip
}
