// A document that is not a state machine never passes silently, and is reported once: empty or
// comment-only files by ASL001, `{}` and other objects without StartAt/States by ASL002, a top
// level that is not an object by ASL006.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';

const cases: [name: string, text: string, format: 'json' | 'yaml', rules: string[]][] = [
  ['empty', '', 'yaml', ['ASL001']],
  ['blank lines', '\n  \n', 'json', ['ASL001']],
  ['YAML comments only', '# StartAt: A\n# States: {}\n', 'yaml', ['ASL001']],
  ['YAML comments only, CR line endings', '# a\r# b\r', 'yaml', ['ASL001']],
  ['JSON comments only', '// {"StartAt": "A"}\n/* nothing */\n', 'json', ['ASL001']],
  ['empty mapping', '{}\n', 'yaml', ['ASL002', 'ASL002']],
  ['other keys', 'Comment: not a machine\n', 'yaml', ['ASL002', 'ASL002']],
  ['a string', '"hello"', 'json', ['ASL006']],
  ['a list', '- a\n- b\n', 'yaml', ['ASL006']],
  ['a number', '42\n', 'yaml', ['ASL006']],
  ['an empty document after ---', '---\n', 'yaml', ['ASL006']],
];

for (const [name, text, format, rules] of cases) {
  test(`${name}: reported by ${[...new Set(rules)].join(', ')} and nothing else`, () => {
    const findings = analyze(text, { format }).findings;
    assert.deepEqual(findings.map((f) => f.ruleId), rules, JSON.stringify(findings.map((f) => f.message)));
    assert.equal(new Set(findings.map((f) => f.message)).size, findings.length, 'no message twice');
  });
}

test('a comment-only document says so, in both formats', () => {
  for (const [text, format] of [['# only\n', 'yaml'], ['// only\n', 'json']] as const) {
    assert.deepEqual(analyze(text, { format }).findings.map((f) => f.message), ['The document holds only comments: there is no state machine definition in it.']);
  }
});
