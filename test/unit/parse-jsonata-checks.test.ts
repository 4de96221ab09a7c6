// Step Functions' limits on JSONata beyond its syntax: no context item at the top of an
// expression (bare names, `$`, `$$`), no `$eval`; placeholders masked so templates parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonata } from '../../core/expressions/jsonata';
import { jsonataProblems, maskPlaceholdersForJsonata } from '../../core/expressions/jsonata-checks';

function problems(expression: string) {
  const parsed = parseJsonata(expression);
  assert.ok(parsed.ast, `${expression} parses: ${parsed.error?.message}`);
  return jsonataProblems(parsed.ast).map((p) => ({ kind: p.kind, name: p.name, text: expression.slice(p.start, p.end) }));
}

const clean = [
  '$states.input.orderId',
  '$states.context.Execution.Id',
  '$myVariable.field',
  "$states.input.items[price > 10 and kind = 'x'].name",
  '$map($states.input.items, function($i) { $i.name & qty })',
  '$states.input.items ~> $filter(function($v) { $v.ok })',
  '$states.input.orders.lines.(qty * price)',
  "$states.input.items^(price)",
  '$states.input{ kind: $count($) }',
  '($total := $sum($states.input.items.price); $total * 1.2)',
  "'literal' & $string(42)",
  '$uuid()',
  '[1, 2, 3][0]',
  '{ "a": $states.input.a }',
  '$exists($states.input.x) ? $states.input.x : null',
];
for (const expression of clean) test(`no problem: ${expression}`, () => assert.deepEqual(problems(expression), []));

const flagged: [string, { kind: string; name: string; text: string }[]][] = [
  ['orderId', [{ kind: 'top-level-name', name: 'orderId', text: 'orderId' }]],
  ['customer.name', [{ kind: 'top-level-name', name: 'customer', text: 'customer' }]],
  ['$count(items)', [{ kind: 'top-level-name', name: 'items', text: 'items' }]],
  ['{ "total": price * 2 }', [{ kind: 'top-level-name', name: 'price', text: 'price' }]],
  ['[a, $states.input.b]', [{ kind: 'top-level-name', name: 'a', text: 'a' }]],
  ['flag ? 1 : 0', [{ kind: 'top-level-name', name: 'flag', text: 'flag' }]],
  ['($x := value; $x)', [{ kind: 'top-level-name', name: 'value', text: 'value' }]],
  ['-amount', [{ kind: 'top-level-name', name: 'amount', text: 'amount' }]],
  ['$', [{ kind: 'context-item', name: '$', text: '$' }]],
  ['$.items', [{ kind: 'context-item', name: '$', text: '$' }]],
  ['$$.items', [{ kind: 'context-item', name: '$$', text: '$$' }]],
  ["$eval('1 + 1')", [{ kind: 'unsupported-function', name: '$eval', text: '$eval' }]],
  ['$map($states.input.xs, function($v) { $eval($v) })', [{ kind: 'unsupported-function', name: '$eval', text: '$eval' }]],
  ['a & b', [{ kind: 'top-level-name', name: 'a', text: 'a' }, { kind: 'top-level-name', name: 'b', text: 'b' }]],
];
for (const [expression, expected] of flagged) test(`flagged: ${expression}`, () => assert.deepEqual(problems(expression), expected));

test('placeholders are masked with a variable of the same length, so templates parse', () => {
  const body = ' ${IsEnabled} = true and \'${Prefix}\' = $states.input.p ';
  const masked = maskPlaceholdersForJsonata(body);
  assert.equal(masked.length, body.length);
  assert.equal(masked, ` $${'_'.repeat('{IsEnabled}'.length)} = true and '$${'_'.repeat('{Prefix}'.length)}' = $states.input.p `);
  assert.equal(parseJsonata(body).error !== undefined, true);
  assert.deepEqual(problems(masked), []);
});

test('parse errors carry a position inside the body', () => {
  const e = parseJsonata('$states.input.items[1, 2)').error!;
  assert.match(e.message, /Expected "\]"/);
  assert.equal('$states.input.items[1, 2)'[e.position], ',');
});
