// The YAML fast path (core/parse/fast-yaml.ts) stays linear on shapes that made it quadratic: a
// quoted scalar over many lines (28 s at 1.6 MB), and comment lines after a deeply nested value,
// which each enclosing collection read again. It must still take those texts and agree with the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetTable, type AstNode } from '../../core/parse/ast';
import { parseYamlFast } from '../../core/parse/fast-yaml';
import { parseYamlWithPackage } from '../../core/parse/yaml';

function plain(node: AstNode | undefined): unknown {
  if (!node) return undefined;
  return { type: node.type, offset: node.offset, length: node.length, value: node.value, children: node.children?.map(plain) };
}

/** Milliseconds the fast path takes for `text` (the best of three runs after a first); fails when it gives up. */
function fastTime(text: string): number {
  assert.ok(parseYamlFast(text, new OffsetTable()), 'the fast path takes it');
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    parseYamlFast(text, new OffsetTable());
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function assertLinear(name: string, make: (n: number) => string, n: number): void {
  const small = fastTime(make(n));
  const large = fastTime(make(8 * n));
  console.log(`${name}: n=${n} ${small.toFixed(1)} ms, 8n=${8 * n} ${large.toFixed(1)} ms (${(make(8 * n).length / 1e6).toFixed(1)} MB)`);
  assert.ok(large < 20 * Math.max(small, 5), `${name}: 8x the input took ${(large / Math.max(small, 0.01)).toFixed(1)}x the time`);
  assert.ok(large < 3000, `${name}: ${large.toFixed(0)} ms`);
}

const quoted = (quote: string, separator: string) => (n: number) =>
  `StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: ${quote}` + Array.from({ length: n }, (_, i) => `line ${i} of it  `).join(separator) + `${quote}\n    End: true\n`;

test('a double-quoted scalar over many lines is linear', () => assertLinear('double-quoted', quoted('"', '\n      '), 20_000));
test('a single-quoted scalar over many lines (with blank lines and quotes) is linear', () => assertLinear("single-quoted", quoted("'", "''\n\n      "), 20_000));

const deepThenComments = (depth: number) => (n: number) => {
  let text = '';
  for (let d = 0; d < depth; d++) text += `${' '.repeat(d * 2)}k${d}:\n`;
  return text + `${' '.repeat(depth * 2)}leaf: 1\n` + Array.from({ length: n }, (_, i) => `# note ${i}`).join('\n') + '\nlast: 2\n';
};

test('comment lines after a value 160 levels deep are read once, not once per level', () => {
  assertLinear('comments after depth', deepThenComments(160), 10_000);
  const shallow = fastTime(deepThenComments(1)(80_000));
  const deep = fastTime(deepThenComments(160)(80_000));
  console.log(`80,000 comment lines after depth 1: ${shallow.toFixed(1)} ms, after depth 160: ${deep.toFixed(1)} ms`);
  assert.ok(deep < 20 * Math.max(shallow, 5), `160 levels took ${(deep / Math.max(shallow, 0.01)).toFixed(1)}x the time of 1`);
});

test('the fast path still builds the package tree for these shapes', () => {
  for (const text of [quoted('"', '\n      ')(50), quoted("'", "''\n\n      ")(50), quoted('"', ' \\t \n   \n      ')(20), deepThenComments(160)(30)]) {
    const reference = parseYamlWithPackage(text);
    assert.deepEqual(reference.problems, []);
    assert.deepEqual(plain(parseYamlFast(text, new OffsetTable())), plain(reference.root));
  }
});
