// Value index -> document offset for string nodes: JSON strings with escapes, YAML plain,
// single- and double-quoted scalars, one-line block scalars; and the fallbacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../core/parse';
import { nodeAtPointer } from '../../core/parse/ast';
import { offsetsOfValue, rangeInValue } from '../../core/parse/string-offsets';

function at(text: string, format: 'json' | 'yaml', pointer: string) {
  const node = nodeAtPointer(parseDocument(text, format).root, pointer)!;
  assert.equal(node.type, 'string');
  return node;
}

/** Each value character maps back to source text that decodes to it. */
function assertMapsEveryChar(text: string, format: 'json' | 'yaml', pointer: string, expectedRaw: string[]) {
  const node = at(text, format, pointer);
  const map = offsetsOfValue(text, node)!;
  assert.ok(map, 'mappable');
  assert.equal(map.length, (node.value as string).length + 1);
  const raws = (node.value as string).split('').map((_, i) => text.slice(map[i], map[i + 1]));
  assert.deepEqual(raws, expectedRaw);
}

test('JSON: plain characters map one to one, after the opening quote', () => {
  const text = '{"k": "abc"}';
  assertMapsEveryChar(text, 'json', '/k', ['a', 'b', 'c']);
  assert.deepEqual(rangeInValue(text, at(text, 'json', '/k'), 1, 2), { offset: 8, length: 1 });
});

test('JSON: escapes take their source length (\\" \\\\ \\n \\u00e9 and a \\uD83D\\uDE00 pair)', () => {
  const text = String.raw`{"k": "a\"b\\c\nd\u00e9\uD83D\uDE00z"}`;
  assertMapsEveryChar(text, 'json', '/k', ['a', '\\"', 'b', '\\\\', 'c', '\\n', 'd', '\\u00e9', '\\uD83D', '\\uDE00', 'z']);
});

test('JSON: a literal emoji is two UTF-16 units in both the value and the source', () => {
  const text = '{"k": "😀x"}';
  const node = at(text, 'json', '/k');
  assert.deepEqual(rangeInValue(text, node, 2, 3), { offset: text.indexOf('x'), length: 1 });
});

test('JSON keys map too', () => {
  const text = '{"a\\"b.$": 1}';
  const root = parseDocument(text, 'json').root!;
  const key = root.children![0].children![0];
  assert.equal(key.value, 'a"b.$');
  assert.deepEqual(rangeInValue(text, key, 2, 3), { offset: text.indexOf('b'), length: 1 });
});

test('YAML plain, single-quoted (\'\' is one quote) and double-quoted scalars', () => {
  const text = "p: $.a b\ns: 'it''s x'\nd: \"tab\\tz\"\n";
  assertMapsEveryChar(text, 'yaml', '/p', ['$', '.', 'a', ' ', 'b']);
  assertMapsEveryChar(text, 'yaml', '/s', ['i', 't', "''", 's', ' ', 'x']);
  assertMapsEveryChar(text, 'yaml', '/d', ['t', 'a', 'b', '\\t', 'z']);
});

test('YAML one-line block scalar maps to its line', () => {
  const text = 'v: |\n  {% $x + %}\n';
  const node = at(text, 'yaml', '/v');
  assert.deepEqual(rangeInValue(text, node, 6, 7), { offset: text.indexOf('+'), length: 1 });
});

test('folded multi-line values fall back to the whole node', () => {
  const text = 'v: >\n  one\n  two\nw: "a\n  b"\n';
  for (const pointer of ['/v', '/w']) {
    const node = at(text, 'yaml', pointer);
    assert.equal(offsetsOfValue(text, node), undefined);
    assert.deepEqual(rangeInValue(text, node, 0, 1), { offset: node.offset, length: node.length });
  }
});

test('a range at or past the end points at the last character; an empty value at the whole node', () => {
  const text = '{"k": "abc", "e": ""}';
  assert.deepEqual(rangeInValue(text, at(text, 'json', '/k'), 3, 3), { offset: text.indexOf('c'), length: 1 });
  assert.deepEqual(rangeInValue(text, at(text, 'json', '/k'), 9, 12), { offset: text.indexOf('c'), length: 1 });
  const empty = at(text, 'json', '/e');
  assert.deepEqual(rangeInValue(text, empty, 0, 0), { offset: empty.offset, length: 2 });
});

test('a non-string node has no mapping', () => {
  const text = '{"n": 5}';
  const node = nodeAtPointer(parseDocument(text, 'json').root, '/n')!;
  assert.equal(offsetsOfValue(text, node), undefined);
});
