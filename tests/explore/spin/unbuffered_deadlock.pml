/* An unbuffered send nobody receives: main sends on ch, the worker also waits to receive from a
   channel nobody sends on. SPIN: invalid end state (deadlock) in every interleaving. */
chan ch = [0] of { int };
chan done = [0] of { int };

active proctype worker() {
  int v;
  done ? v;          /* waits for main, which is stuck in its send */
  ch ? v
}

active proctype main() {
  ch ! 1;            /* rendezvous with the worker, which is receiving on done first */
  done ! 1
}
