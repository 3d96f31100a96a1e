/* Lock-order inversion: two processes take two locks in opposite orders. Locks are modelled as
   atomic test-and-set on a bit. SPIN: some interleaving reaches an invalid end state. */
bit a = 0;
bit b = 0;

active proctype p1() {
  atomic { a == 0 -> a = 1 };
  atomic { b == 0 -> b = 1 };
  b = 0;
  a = 0
}

active proctype p2() {
  atomic { b == 0 -> b = 1 };
  atomic { a == 0 -> a = 1 };
  a = 0;
  b = 0
}
