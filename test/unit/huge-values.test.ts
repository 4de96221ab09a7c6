// Values of several megabytes (the CLI reads files up to 20 MB, an editor any size) in every shape
// that once overflowed V8's backtracking stack in one of the engine's expressions: the analysis
// finishes without throwing, and a credential far inside such a value is still found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';

// 8 MB: each of these shapes made one expression throw a RangeError at that size (measured).
const SIZE = 8_000_000;
const SHAPES = ['A/', 'A_', '0', 'a b ', 'a-', 'sk-', 'ey', '\n'];

test('multi-megabyte values of every hostile shape, under secret and plain keys: no exception', { timeout: 600_000 }, () => {
  for (const shape of SHAPES) {
    const value = shape.repeat(Math.ceil(SIZE / shape.length));
    for (const variant of [value, `/${value}x`]) {
      const parameters = { password: variant, note: variant };
      const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: parameters, End: true } } });
      assert.doesNotThrow(() => analyze(text, { format: 'json' }), `${JSON.stringify(shape)} in ${JSON.stringify(variant.slice(0, 12))}…`);
    }
  }
});

test('a credential 3 MB into a value is found (long values are read in overlapping windows)', () => {
  const token = 'ghp_R8x2KqLm9Vt4Wz7Ny3Pb6Hc1Jd5Fg0Se2Ua8';
  for (const offset of [3_000_000, 256 * 1024 - 20, 2 * (256 - 8) * 1024 - 10]) {
    const value = 'x '.repeat(offset / 2) + token + ' y'.repeat(1000);
    const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { note: value }, End: true } } });
    const found = analyze(text, { format: 'json' }).findings.filter((f) => f.ruleId === 'SEC001');
    assert.equal(found.length, 1, `at ${offset}`);
    assert.match(found[0].message, /GitHub token \(ghp_…\)/);
  }
});
