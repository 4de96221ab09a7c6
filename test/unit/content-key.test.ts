// contentKey decides whether an edit changed what a cached fact read: equal for the same JSON
// content however it is laid out, different for any change of a key, a value, a type or the order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentKey } from '../../core/parse/content-key';
import { parseDocument } from '../../core/parse';

const key = (text: string) => contentKey(parseDocument(text, 'json').root);

test('the same content in another layout has the same key', () => {
  assert.equal(key('{"a": [1, "x", {"b": null}]}'), key('{\n  "a":[1,"x",\n {"b":null}]\n}'));
  assert.equal(contentKey(undefined), '');
});

test('any change of a key, a value, a type or the order changes the key', () => {
  const base = key('{"a": [1, "x"], "b": true}');
  for (const other of ['{"a": [1, "y"], "b": true}', '{"a": [1, "x"], "c": true}', '{"a": [1, "x"], "b": "true"}', '{"b": true, "a": [1, "x"]}', '{"a": [1, "x", 2], "b": true}', '{"a": ["1", "x"], "b": true}']) {
    assert.notEqual(key(other), base, other);
  }
});

test('a bare placeholder differs from the same text in quotes', () => {
  assert.notEqual(key('{"Seconds": ${Delay}}'), key('{"Seconds": "${Delay}"}'));
});
