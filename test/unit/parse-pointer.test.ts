// RFC 6901 JSON pointers: "~" is written "~0" and "/" is written "~1", and pointerOf and
// nodeAtPointer agree for every node, in JSON and in YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeAtPointer, pointerOf, type AstNode } from '../../core';
import { parseDocument } from '../../core/parse';
import { escapePointerToken } from '../../core/parse/ast';

test('escapePointerToken escapes "~" before "/" (so "~1" stays literal)', () => {
  assert.equal(escapePointerToken('a/b'), 'a~1b');
  assert.equal(escapePointerToken('a~b'), 'a~0b');
  assert.equal(escapePointerToken('~1'), '~01');
  assert.equal(escapePointerToken('/~'), '~1~0');
  assert.equal(escapePointerToken(''), '');
});

const json = '{"States":{"a/b":{"x~y":[{"~1":"v"}]},"":{"k":1}}}';

test('pointerOf escapes keys with "/" and "~", and array items are indices', () => {
  const { root } = parseDocument(json, 'json');
  const v = nodeAtPointer(root, '/States/a~1b/x~0y/0/~01');
  assert.equal(v?.value, 'v');
  assert.equal(pointerOf(v), '/States/a~1b/x~0y/0/~01');
});

test('an empty key is an empty token', () => {
  const { root } = parseDocument(json, 'json');
  const k = nodeAtPointer(root, '/States//k');
  assert.equal(k?.value, 1);
  assert.equal(pointerOf(k), '/States//k');
});

test('the root is "" and a key node answers with its value\'s pointer', () => {
  const { root } = parseDocument(json, 'json');
  assert.equal(pointerOf(root), '');
  const states = root!.children![0];
  assert.equal(pointerOf(states.children![0]), '/States');
  assert.equal(nodeAtPointer(root, '/Nope/x'), undefined);
  assert.equal(nodeAtPointer(root, '/States/a~1b/x~0y/7'), undefined);
});

function everyValue(root: AstNode | undefined): AstNode[] {
  const out: AstNode[] = [];
  const stack = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'property') out.push(n);
    for (const c of n.children ?? []) if (!(n.type === 'property' && c === n.children![0])) stack.push(c);
  }
  return out;
}

for (const [format, text] of [['json', json], ['yaml', 'States:\n  a/b:\n    x~y:\n      - "~1": v\n  "":\n    k: 1\n']] as const) {
  test(`nodeAtPointer(pointerOf(n)) === n for every value node (${format})`, () => {
    const { root } = parseDocument(text, format);
    const nodes = everyValue(root);
    assert.ok(nodes.length >= 7);
    for (const n of nodes) assert.equal(nodeAtPointer(root, pointerOf(n)), n, pointerOf(n));
  });
}
