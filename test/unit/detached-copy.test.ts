// detachedCopy must give exactly text.slice(start, end), across its chunk boundaries too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detachedCopy } from '../../core/text/detached-copy';

test('detachedCopy equals slice for any range, including ranges over several chunks and surrogate pairs', () => {
  const long = 'é😀ab\u0000"\\'.repeat(5000);
  for (const [start, end] of [[0, 0], [0, 1], [3, 8192], [1, 8193], [100, 20000], [0, long.length]]) {
    assert.equal(detachedCopy(long, start, end), long.slice(start, end));
  }
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(), fc.nat(), (text, a, b) => {
      const start = a % (text.length + 1);
      const end = start + (b % (text.length - start + 1));
      assert.equal(detachedCopy(text, start, end), text.slice(start, end));
    }),
    { seed: 3, numRuns: 300 },
  );
});
