// The JSONPath validator: what Step Functions (Jayway JsonPath) accepts, the ASL additions
// (`$$`, `$name`), reference-path limits, and problem positions inside the path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPath, type PathKind } from '../../core/expressions/jsonpath';

const valid: [string, PathKind][] = [
  ['$', 'path'], ['$$', 'path'], ['$.a', 'path'], ['$.a.b.c', 'path'], ['$$.Execution.Input', 'path'], ['$$.Task.Token', 'path'],
  ['$$.Map.Item.Value', 'path'], ['$myVar', 'path'], ['$my_var.field[0]', 'path'], ['$.items[0]', 'path'], ['$.items[-1]', 'path'],
  ['$.items[0,2, 4]', 'path'], ['$.items[1:3]', 'path'], ['$.items[-2:]', 'path'], ['$.items[:2]', 'path'], ['$.items[*]', 'path'],
  ['$.items.*', 'path'], ['$..id', 'path'], ['$..[0]', 'path'], ["$['a b']", 'path'], ['$["a"]["b"]', 'path'], ["$['a','b']", 'path'],
  ["$['it\\'s']", 'path'], ['$.a[?(@.price < 10)]', 'path'], ["$.a[?(@.kind == 'x' && @.n != 2)]", 'path'], ['$.a[?(@.email == $.email)]', 'path'],
  ['$.a.length()', 'path'], ['$.[0].body', 'path'], ['$.Reservations[0].Instances[0]InstanceId', 'path'], ['  $.padded  ', 'path'],
  ['$.a', 'reference'], ['$.a[0].b', 'reference'], ["$['x'].y", 'reference'], ['$$.Execution.Id', 'reference'], ['$var.x', 'reference'],
  ['$', 'result'], ['$.result', 'result'], ['$.a[2].b', 'result'], ['$.émoji😀', 'path'],
];

for (const [path, kind] of valid) {
  test(`valid ${kind}: ${path}`, () => assert.equal(checkPath(path, kind), undefined));
}

const invalid: [string, PathKind, RegExp, string][] = [
  // path, kind, message, the text the problem range covers
  ['', 'path', /cannot be empty/, ''],
  ['input.name', 'path', /must start with "\$"/, 'i'],
  ['States.Format($.a)', 'path', /must start with "\$"/, 'S'],
  ['$x y', 'path', /Unexpected " " after "\$x"/, ' '],
  ['$a-b', 'path', /Unexpected "-"/, '-'],
  ['$.items[0', 'path', /Expected "\]"/, '[0'],
  ['$.first name', 'path', /bracket notation: \['first name'\]/, ' '],
  ['$.a.', 'path', /cannot end with "\."/, '.'],
  ['$...x', 'path', /step name is missing/, '.'],
  ['$. a', 'path', /space after "\."/, ' '],
  ['$.a[]', 'path', /Empty brackets/, '[]'],
  ['$.a[1,x]', 'path', /not a valid array index/, '[1,x]'],
  ['$.a[1:x]', 'path', /not a valid array slice/, '[1:x]'],
  ['$.a[?]', 'path', /needs an expression in parentheses/, '[?]'],
  ['$.a[?(@.x == 1]', 'path', /not closed/, '[?(@.x == 1]'],
  ['$.a[?( )]', 'path', /filter expression is empty/, '[?( )]'],
  ["$['a'", 'path', /Expected "\]"/, "['a'"],
  ["$['a' 'b']", 'path', /expected "," or "\]"/, "'"],
  ["$['a',,'b']", 'path', /expected a name in 'quotes'/, ','],
  ["$['unclosed]", 'path', /not closed with '/, "'unclosed]"],
  ['$.a.length(', 'path', /not closed with "\)"/, 'length('],
  ['$.a[*]', 'reference', /reference path cannot use "\[\*\]"/, '[*]'],
  ['$..a', 'reference', /reference path cannot use "\.\."/, '..'],
  ['$.a.*', 'reference', /cannot use "\*"/, '*'],
  ['$.a[0,1]', 'reference', /cannot use "\[0,1\]"/, '[0,1]'],
  ['$.a[0:1]', 'reference', /cannot use "\[0:1\]"/, '[0:1]'],
  ['$.a[?(@.x)]', 'reference', /cannot use "\[\?\(\.\.\.\)\]"/, '[?(@.x)]'],
  ['$.a.length()', 'reference', /cannot use "length\(\)"/, 'length()'],
  ["$['a','b']", 'reference', /cannot use/, "['a','b']"],
  ['$.a[*]', 'result', /A ResultPath cannot use/, '[*]'],
  ['$$.x', 'result', /context object/, '$$'],
  ['$myVar', 'result', /cannot write to a variable/, '$myVar'],
];

for (const [path, kind, message, covered] of invalid) {
  test(`invalid ${kind}: ${JSON.stringify(path)} -> ${message}`, () => {
    const problem = checkPath(path, kind);
    assert.ok(problem, 'a problem is reported');
    assert.match(problem.message, message);
    assert.equal(path.slice(problem.start, problem.end), covered);
  });
}

test('never throws, and problem ranges stay inside the text (property)', () => {
  const alphabet = fc.constantFrom('$', '.', '[', ']', '(', ')', '?', '@', "'", '"', '*', ',', ':', '-', '0', '7', 'a', 'Z', ' ', '\\', '=', '&', '😀');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 30 }), fc.constantFrom<PathKind>('path', 'reference', 'result'), (chars, kind) => {
      const path = chars.join('');
      const problem = checkPath(path, kind);
      if (problem) {
        assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= path.length, JSON.stringify({ path, problem }));
        assert.ok(problem.message.length > 0);
      }
    }),
    { numRuns: 2000 },
  );
});

test('a reference path is always a valid path (property)', () => {
  const step = fc.oneof(fc.constantFrom('.a', '.b1', "['x y']", '[0]', '[12]', '.émoji'), fc.constant('.n'));
  fc.assert(
    fc.property(fc.constantFrom('$', '$$', '$v'), fc.array(step, { maxLength: 6 }), (root, steps) => {
      const path = root + steps.join('');
      assert.equal(checkPath(path, 'reference'), undefined, path);
      assert.equal(checkPath(path, 'path'), undefined, path);
    }),
  );
});

test('a 700 KB path is checked without recursion, in about linear time', () => {
  checkPath('$' + '.abc[0]'.repeat(1000), 'reference'); // warm up
  const path = '$' + '.abc[0]'.repeat(100_000);
  const t = performance.now();
  assert.equal(checkPath(path, 'reference'), undefined);
  // Linear work is well under 100 ms here; a quadratic scan would take minutes. The bound is
  // loose because test machines are shared.
  assert.ok(performance.now() - t < 5000);
});
