// Measures how the time of a piece of work grows with its input: for growth tests of anything that
// reads hostile text (linear is an exponent of about 1, a quadratic backtracking regex about 2).

/** The fastest of `runs` timings of `work()`, in milliseconds: the least disturbed by GC and other work on the machine. */
function fastestMs(work: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return Math.min(...times);
}

export interface Growth {
  /** log2 of the time ratio between the last two sizes (1 is linear, 2 quadratic). */
  exponent: number;
  /** Input size -> fastest milliseconds, in the order measured. */
  times: [number, number][];
  /** The last time, in milliseconds. */
  lastMs: number;
}

/**
 * Runs `work(n)` at n = start, 2·start, 4·start … until a run takes `enoughMs` or n reaches `maxN`,
 * and gives the growth exponent of the last doubling.
 */
export function measureGrowth(work: (n: number) => void, { start = 1024, maxN = 1 << 20, enoughMs = 25 } = {}): Growth {
  const times: [number, number][] = [];
  for (let n = start; n <= maxN; n *= 2) {
    const ms = fastestMs(() => work(n), 3);
    times.push([n, ms]);
    if (ms >= enoughMs) break;
  }
  const [, last] = times[times.length - 1];
  const [, before] = times[times.length - 2] ?? times[0];
  return { exponent: Math.log2(Math.max(last, 0.001) / Math.max(before, 0.001)), times, lastMs: last };
}

/**
 * True when the work is clearly super-linear: the last doubling more than ×3 (exponent 1.6) on a
 * time long enough to measure. Measured twice before saying so, as other work on the machine adds noise.
 */
export function superLinear(work: (n: number) => void, options?: Parameters<typeof measureGrowth>[1]): Growth | undefined {
  let growth = measureGrowth(work, options);
  if (growth.lastMs < 2 || growth.exponent < 1.6) return undefined;
  growth = measureGrowth(work, options);
  return growth.lastMs >= 2 && growth.exponent >= 1.6 ? growth : undefined;
}

/** `1024: 0.1 ms, 2048: 0.2 ms …` for a test's log line. */
export function describeGrowth(g: Growth): string {
  return `${g.times.map(([n, ms]) => `${n}: ${ms.toFixed(2)} ms`).join(', ')} (exponent ${g.exponent.toFixed(2)})`;
}
