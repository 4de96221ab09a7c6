// YAML aliases cannot make a small document expensive: nested aliases ("billion laughs") and
// aliases inside the node they name are refused with one ASL001 finding, many aliases resolve in
// linear time, and definitions with ordinary anchors read exactly as if the copies were written out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';
import { parseYaml } from '../../core/parse/yaml';
import { aliasNodeLimit } from '../../core/parse/yaml-convert';
import type { AstNode } from '../../core/parse/ast';

/** `levels` anchors, each a list of `width` aliases of the one before: width^levels nodes. */
function aliasBomb(levels: number, width = 9): string {
  let text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Result:\n';
  text += `      l0: &l0 [${Array(width).fill('"lol"').join(',')}]\n`;
  for (let i = 1; i < levels; i++) text += `      l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(',')}]\n`;
  return text;
}

/** The value under `keys`, property by property. */
function at(node: AstNode | undefined, ...keys: string[]): AstNode | undefined {
  for (const key of keys) node = node?.children?.find((p) => p.children?.[0].value === key)?.children?.[1];
  return node;
}

const syntax = (text: string) => analyze(text, { format: 'yaml' }).findings.filter((f) => f.ruleId === 'ASL001');

test('an alias bomb of a few hundred bytes is one ASL001 finding at an alias, quickly and in little memory', () => {
  for (const levels of [6, 8, 10, 30]) {
    const text = aliasBomb(levels);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = analyze(text, { format: 'yaml' });
    const elapsed = performance.now() - started;
    const grown = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    console.log(`${levels} levels, ${text.length} bytes: ${elapsed.toFixed(0)} ms, heap +${grown.toFixed(0)} MB`);
    const findings = result.findings.filter((f) => f.ruleId === 'ASL001');
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(findings[0].message, `YAML aliases expand to more than ${aliasNodeLimit(text.length).toLocaleString('en-US')} nodes; the document was not analysed.`);
    assert.equal(text[findings[0].offset], '*', 'the finding points at an alias');
    assert.equal(result.model, undefined);
    assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms`);
    assert.ok(grown < 300, `heap grew by ${grown.toFixed(0)} MB`);
  }
});

test('below the budget nested aliases still expand: 9^5 nodes from 343 bytes', () => {
  const text = aliasBomb(5);
  assert.deepEqual(syntax(text), []);
  const l4 = at(parseYaml(text).root, 'States', 'A', 'Result', 'l4')!;
  let leaves = 0;
  const count = (node: AstNode) => (node.children ? node.children.forEach(count) : node.value === 'lol' && leaves++);
  count(l4);
  assert.equal(leaves, 9 ** 5);
});

test('an alias inside the node it names is refused, not expanded until the nesting limit', () => {
  for (const text of ['a: &a [*a, *a, *a]\n', 'StartAt: A\nStates:\n  A: &a\n    Type: Pass\n    Next: [*a, *a]\n']) {
    const findings = syntax(text);
    assert.equal(findings.length, 1, text);
    assert.match(findings[0].message, /alias refers to a node that contains it/);
    assert.equal(text.slice(findings[0].offset, findings[0].offset + findings[0].length), '*a');
  }
});

/** A definition whose `n` states share one Retry block through an alias. */
function sharedRetry(n: number): string {
  let text = 'StartAt: S0\nStates:\n  S0:\n    Type: Pass\n    Retry: &retry [{ErrorEquals: [States.ALL], MaxAttempts: 2}]\n    Next: S1\n';
  for (let i = 1; i < n; i++) text += `  S${i}:\n    Type: Pass\n    Retry: *retry\n    Next: S${i + 1}\n`;
  return text + `  S${n}:\n    Type: Succeed\n`;
}

test('resolving aliases is linear in their number (it was quadratic: 1,000 aliases took ~5 s)', () => {
  const time = (n: number) => {
    const text = sharedRetry(n);
    parseYaml(text); // warm
    const started = performance.now();
    const parsed = parseYaml(text);
    const elapsed = performance.now() - started;
    assert.deepEqual(parsed.problems, []);
    return elapsed;
  };
  const small = time(1000);
  const large = time(8000);
  console.log(`1,000 aliases ${small.toFixed(0)} ms, 8,000 aliases ${large.toFixed(0)} ms`);
  assert.ok(large < 20 * Math.max(small, 5), `8x the aliases took ${(large / small).toFixed(1)}x the time`);
  assert.ok(large < 5000, `8,000 aliases took ${large.toFixed(0)} ms`);
});

/** Types, values and children of a tree, without offsets (an alias's copy keeps its anchor's). */
function shape(node: AstNode | undefined): unknown {
  if (!node) return undefined;
  return { type: node.type, value: node.value, children: node.children?.map(shape) };
}

test('ordinary anchors read as the copies written out, and an alias reports at its own place', () => {
  const withAliases = [
    'StartAt: A',
    'States:',
    '  A:',
    '    Type: Task',
    '    Resource: arn:aws:states:::lambda:invoke',
    '    Retry: &retry',
    '      - ErrorEquals: [States.ALL]',
    '        MaxAttempts: &attempts 3',
    '    Catch: &catch [{ErrorEquals: [States.ALL], Next: B}]',
    '    Next: B',
    '  B:',
    '    Type: Task',
    '    Resource: arn:aws:states:::lambda:invoke',
    '    Retry: *retry',
    '    Catch: *catch',
    '    TimeoutSeconds: *attempts',
    '    End: true',
    '',
  ].join('\n');
  const written = withAliases
    .replace('*retry', '\n      - ErrorEquals: [States.ALL]\n        MaxAttempts: 3')
    .replace('*catch', '[{ErrorEquals: [States.ALL], Next: B}]')
    .replace('*attempts', '3')
    .replace(/ &\w+/g, '');
  const a = parseYaml(withAliases);
  assert.deepEqual(a.problems, []);
  assert.deepEqual(shape(a.root), shape(parseYaml(written).root));
  const timeout = at(a.root, 'States', 'B', 'TimeoutSeconds')!;
  assert.equal(withAliases.slice(timeout.offset, timeout.offset + timeout.length), '*attempts');
  // Same findings apart from where they point.
  const rules = (text: string) => analyze(text, { format: 'yaml' }).findings.map((f) => [f.ruleId, f.pointer]);
  assert.deepEqual(rules(withAliases), rules(written));
});

test('an anchor defined again later: an alias names the last one before it', () => {
  const root = parseYaml('a: &x {b: &y 1}\nc: &y 2\nd: *x\ne: *y\n').root;
  assert.equal(at(root, 'd', 'b')!.value, 1);
  assert.equal(at(root, 'e')!.value, 2);
});
