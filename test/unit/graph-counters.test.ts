// Counter detection for the graph-wide quota rules (core/rules/utils/counters.ts) and the retry
// arithmetic of QUO005: what counts as an increment, a numeric comparison, a counter-named field,
// and what a payload passes along. The heuristic is conservative; these cases pin its edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../core/parse';
import { buildModel } from '../../core/model/build';
import { valueOf } from '../../core/parse/ast';
import type { State } from '../../core/model/types';
import { comparedNames, counterLikeNames, incrementedNames, lastName, mentionedNames } from '../../core/rules/utils/counters';
import { formatDuration, worstCaseWait } from '../../core/rules/retry-storm';

function stateOf(state: Record<string, unknown>, queryLanguage: 'JSONPath' | 'JSONata' = 'JSONPath', format: 'json' | 'yaml' = 'json'): State {
  const doc = { QueryLanguage: queryLanguage, StartAt: 'S', States: { S: state } };
  const model = buildModel(parseDocument(JSON.stringify(doc), format).root, format);
  assert.ok(model);
  return model.states[0];
}

const sorted = (set: Set<string>) => [...set].sort();

test('lastName: the last field of a JSONPath, a variable or a context path; never a bare $states word', () => {
  assert.equal(lastName('$.loop.count'), 'count');
  assert.equal(lastName('$retryCount'), 'retrycount');
  assert.equal(lastName("$['job']['attempts']"), 'attempts');
  assert.equal(lastName('$$.Execution.Input.depth'), 'depth');
  assert.equal(lastName('$states.input'), undefined);
  assert.equal(lastName('$'), undefined);
});

test('incrementedNames: States.MathAdd under a .$ key, in Parameters, ResultSelector and Assign', () => {
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)', 'other.$': '$.x' }, End: true }))), ['i']);
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Assign: { 'next.$': 'States.MathAdd($attempt, 1)' }, End: true }))), ['attempt', 'next']);
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Task', Resource: 'r', ResultSelector: { 'left.$': 'States.MathAdd($.remaining, -1)' }, End: true }))), ['left', 'remaining']);
});

test('incrementedNames: JSONata arithmetic with a number, in Assign, Output and nested object constructors', () => {
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Assign: { attempt: '{% $attempt + 1 %}' }, End: true }, 'JSONata'))), ['attempt']);
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Output: "{% $merge([$states.input, {'n': $states.input.n + 1}]) %}", End: true }, 'JSONata'))), ['n']);
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Assign: { depth: '{% 1 + $depth %}' }, End: true }, 'JSONata'))), ['depth']);
});

test('incrementedNames ignores what is not an increment', () => {
  // A literal "States.MathAdd" under a plain key is data, not an intrinsic call.
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Parameters: { note: 'States.MathAdd($.i, 1)' }, End: true }))), []);
  // `.$` inside Result is never evaluated, and `$.count + 1` is not a JSONPath (a real corpus mistake).
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Result: { 'count.$': '$.count + 1' }, End: true }))), []);
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Result: { 'count.$': 'States.MathAdd($.count, 1)' }, End: true }))), []);
  // Adding two fields, or concatenating strings, is not counting.
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Assign: { total: '{% $a + $b %}', label: "{% $name & '-1' %}" }, End: true }, 'JSONata'))), []);
  // A placeholder and a broken expression.
  assert.deepEqual(sorted(incrementedNames(stateOf({ Type: 'Pass', Assign: { n: '${Start}', m: '{% $n + %}' }, End: true }, 'JSONata'))), []);
});

test('comparedNames: Numeric* operators (also *Path and nested And/Or/Not) and JSONata order comparisons', () => {
  const jsonPath = stateOf({
    Type: 'Choice',
    Choices: [
      { Variable: '$.attempts', NumericGreaterThanEquals: 5, Next: 'S' },
      { And: [{ Variable: '$.index', NumericLessThanPath: '$.length', Next: 'S' }, { Not: { Variable: '$.depth', NumericEquals: 0 } }], Next: 'S' },
      { Variable: '$.status', StringEquals: 'DONE', Next: 'S' },
    ],
  });
  assert.deepEqual(sorted(comparedNames(jsonPath)), ['attempts', 'depth', 'index', 'length']);
  const jsonata = stateOf({ Type: 'Choice', Choices: [{ Condition: "{% $attempt >= 20 or $states.input.status = 'DONE' %}", Next: 'S' }, { Condition: '{% $states.input.n = 3 %}', Next: 'S' }] }, 'JSONata');
  assert.deepEqual(sorted(comparedNames(jsonata)), ['attempt', 'n']);
});

test('counterLikeNames: counter-named fields compared as numbers or booleans, whole segments only', () => {
  const choice = stateOf({
    Type: 'Choice',
    Choices: [
      { Variable: '$.iterator.continue', BooleanEquals: true, Next: 'S' },
      { Variable: '$.result.retryCount', NumericLessThan: 3, Next: 'S' },
      { Variable: '$.instanceCount', NumericEqualsPath: '$.desiredInstanceCount', Next: 'S' },
      { Variable: '$.count', StringEquals: 'many', Next: 'S' },
    ],
  });
  assert.deepEqual(sorted(counterLikeNames(choice)), ['iterator', 'retrycount']);
  const jsonata = stateOf({ Type: 'Choice', Choices: [{ Condition: '{% $states.input.remaining > 0 %}', Next: 'S' }, { Condition: '{% $states.input.queueEmpty = true %}', Next: 'S' }] }, 'JSONata');
  assert.deepEqual(sorted(counterLikeNames(jsonata)), ['remaining']);
});

test('mentionedNames: keys and referenced fields of an Input object; undefined for a whole dynamic value', () => {
  const payload = stateOf({ Type: 'Task', Resource: 'r', Parameters: { Input: { 'depth.$': 'States.MathAdd($.level, 1)', cursor: '{% $states.input.next %}', fixed: 'x' } }, End: true });
  assert.deepEqual(sorted(mentionedNames(valueOf(valueOf(payload.node, 'Parameters'), 'Input')!, false)!), ['cursor', 'depth', 'fixed', 'level', 'next']);
  const whole = stateOf({ Type: 'Task', Resource: 'r', Parameters: { 'Input.$': '$' }, End: true });
  assert.equal(mentionedNames(valueOf(valueOf(whole.node, 'Parameters'), 'Input.$')!, true), undefined);
  const literal = stateOf({ Type: 'Task', Resource: 'r', Parameters: { Input: '$.depth' }, End: true });
  assert.deepEqual(sorted(mentionedNames(valueOf(valueOf(literal.node, 'Parameters'), 'Input')!, false)!), []);
});

test('worstCaseWait: the sum of the waits before each retry, capped by MaxDelaySeconds', () => {
  assert.equal(worstCaseWait(3, 1, 2, undefined), 1 + 2 + 4);
  assert.equal(worstCaseWait(5, 20, 10, undefined), 20 + 200 + 2000 + 20000 + 200000);
  assert.equal(worstCaseWait(50, 1, 2, 30), 1 + 2 + 4 + 8 + 16 + 30 * 45);
  assert.equal(worstCaseWait(10, 5, 1, undefined), 50);
  assert.equal(worstCaseWait(0, 5, 2, undefined), 0);
  assert.equal(worstCaseWait(4, 100, 2, 50), 200);
  // The largest MaxAttempts is answered at once, in closed form.
  const started = performance.now();
  assert.equal(worstCaseWait(99999999, 1, 1, undefined), 99999999);
  assert.equal(worstCaseWait(99999999, 1, 2, undefined), Infinity);
  assert.equal(worstCaseWait(99999999, 1, 2, 60), 1 + 2 + 4 + 8 + 16 + 32 + 60 * (99999999 - 6));
  assert.ok(performance.now() - started < 50);
});

test('formatDuration: readable units, singular day, and "more than a year"', () => {
  assert.equal(formatDuration(2), '2 s');
  assert.equal(formatDuration(90), '1.5 min');
  assert.equal(formatDuration(32767), '9.1 h');
  assert.equal(formatDuration(86400), '1 day');
  assert.equal(formatDuration(222220), '2.6 days');
  assert.equal(formatDuration(Infinity), 'more than a year');
});
