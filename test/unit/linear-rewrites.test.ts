// The linear scanners that replaced backtracking expressions find exactly what those expressions
// found (the old expressions are the reference here, on short random text where they are fast).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePath } from '../../core/secrets/expressions';
import { isResourcePath } from '../../core/secrets/literal';
import { hasPlaceholder, hidePlaceholders, isPlaceholder, placeholderSpans, splitAtPlaceholders, stripPlaceholders } from '../../core/text/placeholders';

const text = (units: string[], maxLength = 16) => fc.string({ unit: fc.constantFrom(...units), maxLength });
const RUNS = { seed: 12, numRuns: 20_000 };

test('placeholders: the spans, tests, splits and strips of /\\$\\{[^}]*\\}/', () => {
  fc.assert(
    fc.property(text(['$', '{', '}', 'a', ':', ' ']), (s) => {
      assert.deepEqual(placeholderSpans(s), [...s.matchAll(/\$\{[^}]*\}/g)].map((m) => [m.index, m.index! + m[0].length]));
      assert.equal(hasPlaceholder(s), /\$\{[^}]*\}/.test(s));
      assert.equal(isPlaceholder(s), /^\s*\$\{[^}]*\}\s*$/.test(s));
      assert.deepEqual(splitAtPlaceholders(s), s.split(/(\$\{[^}]*\})/));
      assert.equal(stripPlaceholders(s), s.replace(/\$\{[^}]*\}/g, ''));
      const { hidden, restore } = hidePlaceholders(s);
      assert.equal(restore(hidden), s);
    }),
    RUNS,
  );
});

test('parsePath: the segments of the old path expression', () => {
  const old = (rest: string) => [...rest.matchAll(/\.([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[[^\]]*\]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '*');
  fc.assert(
    fc.property(text(['.', '[', ']', "'", '"', ' ', 'a', 'b', '*', '0']), (rest) => {
      assert.deepEqual(parsePath(`$${rest}`)?.segments, old(rest.trim()), JSON.stringify(rest));
    }),
    RUNS,
  );
});

test('isResourcePath: what /^\\/?[\\w.-]+(\\/[\\w.-]+)+\\/?$/ matches', () => {
  fc.assert(
    fc.property(text(['a', '/', '.', '-', '_', 'B', '1', ' ', '$'], 12), (s) => {
      assert.equal(isResourcePath(s), /^\/?[\w.-]+(\/[\w.-]+)+\/?$/.test(s), JSON.stringify(s));
    }),
    RUNS,
  );
  // The old expression overflowed its backtracking stack on long values.
  assert.equal(isResourcePath('/' + 'A/'.repeat(2_000_000) + 'a'), true);
});
