// SyntaxNode keeps a container's children and a scalar's value in one slot and the rare `bare`
// flag in its OffsetTable (8 bytes per field per node on Node 20); these check that the shared
// slot never mixes the two, and that the flag follows a node through splices and compaction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetTable, SyntaxNode } from '../../core/parse/ast';
import { parseJsonStrict } from '../../core/parse/fast-json';
import { MAX_NESTING_DEPTH } from '../../core/parse/prescan';
import { analyze, analyzeChange } from '../../core/index';

test('a container exposes children and no value; a scalar exposes its value and no children', () => {
  const table = new OffsetTable();
  const object = new SyntaxNode('object', table, 0, 2, undefined, undefined, true);
  const text = new SyntaxNode('string', table, 1, 3, object, 'a,b');
  object.children!.push(text);
  assert.deepEqual(object.children, [text]);
  assert.equal(object.value, undefined);
  assert.equal(text.children, undefined);
  assert.equal(text.value, 'a,b');
  object.value = 'ignored';
  assert.deepEqual(object.children, [text], 'setting a value on a container must not drop its children');
});

test('bare is kept per node in the table and starts unset in a reused slot', () => {
  const table = new OffsetTable();
  const a = new SyntaxNode('string', table, 0, 8, undefined, '${Delay}');
  a.bare = true;
  assert.equal(a.bare, true);
  table.size = 0; // a dropped parse gives its slots back
  const b = new SyntaxNode('string', table, 0, 4, undefined, 'x');
  assert.equal(b.bare, undefined);
});

test('bare placeholders keep their flag after thousands of incremental edits (table compaction)', () => {
  let text = '{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":${Delay},"Next":"B"},"B":{"Type":"Pass","Comment":"","Result":{' +
    Array.from({ length: 3000 }, (_, i) => `"k${i}":${i}`).join(',') + '},"End":true}}}';
  let result = analyze(text, { format: 'json' });
  for (let i = 0; i < 4; i++) {
    const offset = text.indexOf('"Comment":"') + '"Comment":"'.length;
    text = text.slice(0, offset) + 'x' + text.slice(offset);
    result = analyzeChange(result, text, [{ offset, length: 0, text: 'x' }], { format: 'json' });
  }
  const seconds = result.model!.states.find((s) => s.name === 'A')!.node.children!.find((p) => p.children![0].value === 'Seconds')!.children![1];
  assert.equal(seconds.bare, true);
  assert.equal(seconds.value, '${Delay}');
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'ASL001'), []);
});

test('the strict parser gives up past the nesting limit and accepts the limit itself', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  assert.ok(parseJsonStrict(nested(MAX_NESTING_DEPTH), new OffsetTable()));
  assert.equal(parseJsonStrict(nested(MAX_NESTING_DEPTH + 1), new OffsetTable()), undefined);
});
