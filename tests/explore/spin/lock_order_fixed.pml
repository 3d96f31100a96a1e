/* The fix of lock_order.pml: both processes take a before b. SPIN: no invalid end state. */
bit a = 0;
bit b = 0;

active [2] proctype p() {
  atomic { a == 0 -> a = 1 };
  atomic { b == 0 -> b = 1 };
  b = 0;
  a = 0
}
