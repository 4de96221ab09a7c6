// Intrinsic function calls: the 18 functions, argument parsing (quoted strings and escapes,
// numbers, literals, paths, nested calls), arity, and positions of problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkIntrinsic, INTRINSIC_FUNCTIONS, PLACEHOLDER_MASK } from '../../core/expressions/intrinsics';

test('the 18 intrinsic functions of Amazon States Language', () => {
  assert.deepEqual(Object.keys(INTRINSIC_FUNCTIONS).sort(), [
    'States.Array', 'States.ArrayContains', 'States.ArrayGetItem', 'States.ArrayLength', 'States.ArrayPartition', 'States.ArrayRange',
    'States.ArrayUnique', 'States.Base64Decode', 'States.Base64Encode', 'States.Format', 'States.Hash', 'States.JsonMerge',
    'States.JsonToString', 'States.MathAdd', 'States.MathRandom', 'States.StringSplit', 'States.StringToJson', 'States.UUID',
  ]);
});

const valid = [
  "States.Format('Hello, {}!', $.name)",
  "States.Format('no values')",
  "States.Format($.template, $.a, $.b)",
  "States.Format('escaped \\{not a hole\\} and \\' and \\\\ then {}', $.x)",
  'States.StringToJson($.body)',
  'States.JsonToString($.obj)',
  'States.Array()',
  "States.Array(1, -2, 3.5, 1e3, 'x', true, false, null, $.a, $$.Execution.Id, $var)",
  'States.ArrayPartition($.items, 4)',
  "States.ArrayContains($.items, 'a')",
  'States.ArrayRange(1, 9, 2)',
  'States.ArrayGetItem($.items, $.index)',
  'States.ArrayLength($.items)',
  'States.ArrayUnique($.items)',
  'States.Base64Encode($.s)',
  'States.Base64Decode($.s)',
  "States.Hash($.s, 'SHA-256')",
  'States.JsonMerge($.a, $.b, false)',
  'States.MathRandom(1, 10)',
  'States.MathRandom(1, 10, $.seed)',
  'States.MathAdd($.n, -1)',
  "States.StringSplit($.csv, ',')",
  'States.UUID()',
  "States.Format('{}', States.ArrayGetItem(States.StringSplit($.arn, ':'), 4))",
  "States.Array($.items[?(@.a == 'x, y')], $.m['k)'])",
  '  States.UUID( )  ',
];
for (const call of valid) test(`valid: ${call}`, () => assert.equal(checkIntrinsic(call), undefined));

const invalid: [string, RegExp, string][] = [
  // call, message, covered text
  ['States.Foo($.a)', /"States.Foo" is not an intrinsic function/, 'States.Foo'],
  ['States.format($.a)', /"States.format" is not/, 'States.format'],
  ['States.UUID', /Expected "\(" after States.UUID/, 'D'],
  ["States.Format('{}', $.a", /is not closed with "\)"/, 'a'],
  ['States.Array("a")', /use single quotes/, '"'],
  ["States.Format('C:\\temp {}', $.a)", /"\\t" is not an escape/, '\\t'],
  ["States.Array('abc)", /not closed with '/, "'abc)"],
  ['States.Array($.a, )', /Unexpected "\)"/, ')'],
  ['States.Array($.a b)', /bracket notation/, ' '],
  ['States.Array(foo)', /Unexpected "f"/, 'f'],
  ['States.UUID() + 1', /Unexpected text after the call/, '+ 1'],
  ['States.UUID($.a)', /takes no arguments, not 1/, 'States.UUID($.a)'],
  ['States.ArrayGetItem($.a)', /takes 2 arguments, not 1/, 'States.ArrayGetItem($.a)'],
  ['States.StringToJson($.a, $.b)', /takes 1 argument, not 2/, 'States.StringToJson($.a, $.b)'],
  ['States.MathRandom(1)', /takes 2 or 3 arguments, not 1/, 'States.MathRandom(1)'],
  ['States.Format()', /takes at least 1 argument, not 0/, 'States.Format()'],
  ["States.Format('{} {}', $.a)", /2 "\{\}" placeholders but 1 value/, "States.Format('{} {}', $.a)"],
  ["States.Format('{ {}', $.a)", /"\{" and "\}" are reserved/, "'{ {}'"],
  ['States.JsonMerge($.a, $.b, true)', /does not support deep merging/, 'true'],
  ["States.Array(States.Format('{}'))", /1 "\{\}" placeholder but 0 values/, "States.Format('{}')"],
];
for (const [call, message, covered] of invalid) {
  test(`invalid: ${call} -> ${message}`, () => {
    const problem = checkIntrinsic(call);
    assert.ok(problem);
    assert.match(problem.message, message);
    assert.equal(call.slice(problem.start, problem.end), covered);
  });
}

test('an unknown function carries its name (for a "did you mean")', () => {
  assert.equal(checkIntrinsic("States.Array(States.Concat('a'))")?.unknownFunction, 'States.Concat');
});

test('masked placeholders are opaque arguments and may fill "{}" holes', () => {
  const mask = (s: string) => s.replace(/\$\{[^}]*\}/g, (m) => PLACEHOLDER_MASK.repeat(m.length));
  assert.equal(checkIntrinsic(mask("States.Format('{}-{}', ${Stage}, $.id)")), undefined);
  assert.equal(checkIntrinsic(mask("States.Format('${Prefix}-{}', $.id)")), undefined);
  assert.equal(checkIntrinsic(mask('States.Array(${Value})')), undefined);
  assert.equal(checkIntrinsic(mask('States.ArrayGetItem($.${Field}, 0)')), undefined);
});

test('100,000 nested calls are refused without a stack overflow', () => {
  const n = 100_000;
  const call = 'States.Array('.repeat(n) + ')'.repeat(n);
  const problem = checkIntrinsic(call);
  assert.match(problem!.message, /nested more than 64 deep/);
});

test('never throws, and problem ranges stay inside the text (property)', () => {
  const piece = fc.constantFrom('States.', 'Format', 'Array', 'UUID', '(', ')', ',', ' ', "'", '\\', '{', '}', '$.a', '$', '1', '-', 'true', '"', 'x', '[', ']');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
      const text = 'States.' + pieces.join('');
      const problem = checkIntrinsic(text);
      if (problem) assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length, JSON.stringify({ text, problem }));
    }),
    { numRuns: 2000 },
  );
});
