// Stepped computations: generators that pause (`yield`) at points where a caller may give the
// thread back. Run to the end, they are the plain functions.

/** Drives a stepped computation to its end. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
