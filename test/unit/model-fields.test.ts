// The field tables of core/model/fields.ts agree with themselves and with the ASL facts:
// every listed field is described, counterparts exist in the other language, and the
// JSONPath-only / JSONata-only sets are the documented ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATE_TYPES } from '../../core/model/types';
import {
  ALL_STATE_FIELDS, CHOICE_COMBINATORS, CHOICE_RULE_FIELDS, COMPARISON_OPERATORS, EXCLUSIVE_FIELDS, FIELDS_BY_TYPE,
  OBJECT_FIELDS, PREDEFINED_ERRORS, REQUIRED_BY_TYPE, STATE_FIELDS, allowsField,
} from '../../core/model/fields';

test('every state type has a field list, and every listed field is described', () => {
  assert.deepEqual(Object.keys(FIELDS_BY_TYPE).sort(), [...STATE_TYPES].sort());
  for (const [type, fields] of Object.entries(FIELDS_BY_TYPE)) {
    assert.equal(new Set(fields).size, fields.length, `${type} lists a field twice`);
    for (const f of fields) assert.ok(STATE_FIELDS[f], `${type}.${f} has no description`);
    for (const common of ['Type', 'Comment', 'QueryLanguage']) assert.ok(fields.includes(common), `${type} allows ${common}`);
  }
  for (const field of ALL_STATE_FIELDS) assert.ok(STATE_TYPES.some((t) => allowsField(t, field)), `${field} belongs to some state type`);
});

test('Next/End on every state but Choice, Succeed and Fail; Retry/Catch on Task, Parallel, Map only', () => {
  for (const type of STATE_TYPES) {
    const flows = !['Choice', 'Succeed', 'Fail'].includes(type);
    assert.equal(allowsField(type, 'Next'), flows, type);
    assert.equal(allowsField(type, 'End'), flows, type);
    const errors = ['Task', 'Parallel', 'Map'].includes(type);
    assert.equal(allowsField(type, 'Retry'), errors, type);
    assert.equal(allowsField(type, 'Catch'), errors, type);
  }
  assert.equal(allowsField('Fail', 'InputPath'), false);
  assert.equal(allowsField('Succeed', 'Output'), true);
  assert.equal(allowsField('Fail', 'Assign'), false);
  assert.equal(allowsField('Succeed', 'Assign'), false);
});

test('the JSONPath-only and JSONata-only state fields are the documented ones', () => {
  const only = (language: string) => Object.entries(STATE_FIELDS).filter(([, i]) => i.language === language).map(([f]) => f).sort();
  assert.deepEqual(only('JSONata'), ['Arguments', 'Items', 'Output']);
  assert.deepEqual(only('JSONPath'), [
    'CausePath', 'ErrorPath', 'HeartbeatSecondsPath', 'InputPath', 'ItemsPath', 'MaxConcurrencyPath', 'OutputPath', 'Parameters', 'Result',
    'ResultPath', 'ResultSelector', 'SecondsPath', 'TimeoutSecondsPath', 'TimestampPath', 'ToleratedFailureCountPath', 'ToleratedFailurePercentagePath',
  ]);
  assert.equal(CHOICE_RULE_FIELDS.Condition.language, 'JSONata');
  assert.equal(CHOICE_RULE_FIELDS.Variable.language, 'JSONPath');
  assert.equal(OBJECT_FIELDS.Catcher.ResultPath.language, 'JSONPath');
  assert.equal(OBJECT_FIELDS.Catcher.Output.language, 'JSONata');
});

test('every counterpart names a described field of the other language (or a shared one)', () => {
  const tables = { STATE_FIELDS, ...OBJECT_FIELDS, CHOICE_RULE_FIELDS };
  for (const [name, table] of Object.entries(tables)) {
    for (const [field, info] of Object.entries(table)) {
      if (!info.counterpart) continue;
      const other = table[info.counterpart];
      assert.ok(other, `${name}.${field} -> ${info.counterpart} is described`);
      assert.notEqual(other.language ?? 'both', info.language, `${name}.${field} and ${info.counterpart} differ in language`);
    }
  }
});

test('exclusive groups and required fields name real fields', () => {
  for (const group of EXCLUSIVE_FIELDS) for (const f of group) assert.ok(STATE_FIELDS[f], f);
  for (const [type, fields] of Object.entries(REQUIRED_BY_TYPE)) for (const f of fields!) assert.ok(FIELDS_BY_TYPE[type as keyof typeof FIELDS_BY_TYPE].includes(f), `${type}.${f}`);
});

test('39 comparison operators: 5 per String/Numeric/Timestamp, each with a Path form, BooleanEquals(Path), StringMatches, 6 type tests', () => {
  assert.equal(Object.keys(COMPARISON_OPERATORS).length, 39);
  for (const [op, kind] of Object.entries(COMPARISON_OPERATORS)) if (op.endsWith('Path')) assert.equal(kind, 'path', op);
  assert.equal(COMPARISON_OPERATORS.NumericLessThanEquals, 'number');
  assert.equal(COMPARISON_OPERATORS.TimestampEquals, 'timestamp');
  assert.equal(COMPARISON_OPERATORS.IsPresent, 'boolean');
  assert.deepEqual([...CHOICE_COMBINATORS], ['And', 'Or', 'Not']);
});

test('predefined errors include States.ALL and every name is States.*', () => {
  assert.ok(PREDEFINED_ERRORS.includes('States.ALL'));
  for (const e of PREDEFINED_ERRORS) assert.match(e, /^States\.[A-Za-z]+$/);
});
