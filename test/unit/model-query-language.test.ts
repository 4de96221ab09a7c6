// The query language in force for each state: the top level's (default JSONPath), a state's own
// QueryLanguage, and — for the states inside a Map or Parallel — the TOP-LEVEL language, not the
// parent state's (what Step Functions does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';

function languages(definition: object): Record<string, string> {
  const json = analyze(JSON.stringify(definition), { format: 'json' }).model!;
  const out = Object.fromEntries(json.states.map((s) => [s.name, s.queryLanguage]));
  return out;
}

const inner = { StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } };

test('default is JSONPath, for the machine and every state', () => {
  const r = analyze(JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }), { format: 'json' });
  assert.equal(r.model!.queryLanguage, 'JSONPath');
  assert.deepEqual(languages({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }), { A: 'JSONPath' });
});

test('a top-level JSONata applies to every state, nested ones included', () => {
  assert.deepEqual(
    languages({ QueryLanguage: 'JSONata', StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: inner, Next: 'A' }, A: { Type: 'Pass', End: true } } }),
    { M: 'JSONata', Inner: 'JSONata', A: 'JSONata' },
  );
});

test('a state may override the machine language for itself only', () => {
  assert.deepEqual(
    languages({ StartAt: 'A', States: { A: { Type: 'Pass', QueryLanguage: 'JSONata', Next: 'B' }, B: { Type: 'Pass', End: true } } }),
    { A: 'JSONata', B: 'JSONPath' },
  );
});

test('states inside a Map or Parallel inherit the TOP-LEVEL language, not their parent state\'s', () => {
  assert.deepEqual(
    languages({
      StartAt: 'M',
      States: {
        M: { Type: 'Map', QueryLanguage: 'JSONata', ItemProcessor: inner, Next: 'P' },
        P: { Type: 'Parallel', QueryLanguage: 'JSONata', Branches: [{ StartAt: 'B1', States: { B1: { Type: 'Pass', End: true } } }], End: true },
      },
    }),
    { M: 'JSONata', Inner: 'JSONPath', P: 'JSONata', B1: 'JSONPath' },
  );
  assert.deepEqual(
    languages({ QueryLanguage: 'JSONata', StartAt: 'M', States: { M: { Type: 'Map', QueryLanguage: 'JSONPath', Iterator: inner, End: true } } }),
    { M: 'JSONPath', Inner: 'JSONata' },
  );
});

test('a nested state may still set its own language', () => {
  const nested = { StartAt: 'Inner', States: { Inner: { Type: 'Pass', QueryLanguage: 'JSONata', End: true } } };
  assert.deepEqual(languages({ StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: nested, End: true } } }), { M: 'JSONPath', Inner: 'JSONata' });
});

test('an invalid QueryLanguage value falls back to the inherited language (ASL006 reports it)', () => {
  assert.deepEqual(languages({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', QueryLanguage: 'jsonata', End: true } } }), { A: 'JSONata' });
  assert.deepEqual(languages({ QueryLanguage: 'jsonata', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }), { A: 'JSONPath' });
});

test('YAML gives the same languages as JSON', () => {
  const yaml = 'QueryLanguage: JSONata\nStartAt: M\nStates:\n  M:\n    Type: Map\n    QueryLanguage: JSONPath\n    ItemProcessor:\n      StartAt: Inner\n      States:\n        Inner: {Type: Pass, End: true}\n    End: true\n';
  const model = analyze(yaml, { format: 'yaml' }).model!;
  assert.deepEqual(Object.fromEntries(model.states.map((s) => [s.name, s.queryLanguage])), { M: 'JSONPath', Inner: 'JSONata' });
});
