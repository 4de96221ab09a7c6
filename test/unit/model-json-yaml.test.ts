// The same definition written as JSON and as YAML gives the same model — states, scopes, types,
// languages, transitions, resources — and the same JSON pointers, and every model node points at
// the right text in its own document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { analyze, pointerOf, type StateMachine } from '../../core';

const definition = {
  Comment: 'Order flow',
  StartAt: 'Validate',
  States: {
    Validate: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { 'Payload.$': '$', 'token.$': '$$.Task.Token' },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
      Next: 'Route',
    },
    Route: {
      Type: 'Choice',
      Choices: [{ Variable: '$.kind', StringMatches: 'bulk-*', Next: 'Each' }],
      Default: 'Fan out',
    },
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Ship', States: { Ship: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true } } },
      Next: 'Done',
    },
    'Fan out': {
      Type: 'Parallel',
      QueryLanguage: 'JSONata',
      Branches: [
        { StartAt: 'a/b', States: { 'a/b': { Type: 'Pass', End: true } } },
        { StartAt: 'x~y', States: { 'x~y': { Type: 'Wait', Seconds: 1, End: true } } },
      ],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'OrderFailed' },
  },
};

/** Everything a rule reads from the model, with pointers instead of nodes. */
function project(model: StateMachine) {
  return {
    queryLanguage: model.queryLanguage,
    scopes: model.scopes.map((s) => ({ kind: s.kind, owner: s.owner?.name, startAt: s.startAt?.name, startAtPointer: s.startAt && pointerOf(s.startAt.node), pointer: pointerOf(s.node), states: s.list.map((st) => st.name) })),
    states: model.states.map((s) => ({
      name: s.name,
      pointer: pointerOf(s.node),
      keyPointer: pointerOf(s.keyNode),
      type: s.type,
      queryLanguage: s.queryLanguage,
      end: s.end,
      scope: pointerOf(s.scope.node),
      transitions: s.transitions.map((t) => ({ kind: t.kind, target: t.target, pointer: pointerOf(t.node) })),
      resource: s.resource && { kind: s.resource.kind, service: s.resource.service, action: s.resource.action, pattern: s.resource.pattern, pointer: pointerOf(s.resource.node) },
      children: s.children.map((c) => pointerOf(c.node)),
    })),
  };
}

const json = JSON.stringify(definition, null, 2);
const handYaml = `Comment: Order flow
StartAt: Validate
States:
  Validate:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      Payload.$: $
      token.$: $$.Task.Token
    Catch:
      - ErrorEquals: [States.ALL]
        Next: Failed
    Next: Route
  Route:
    Type: Choice
    Choices:
      - Variable: $.kind
        StringMatches: "bulk-*"
        Next: Each
    Default: Fan out
  Each:
    Type: Map
    ItemsPath: $.items
    ItemProcessor:
      ProcessorConfig: {Mode: INLINE}
      StartAt: Ship
      States:
        Ship:
          Type: Task
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken'
          End: true
    Next: Done
  Fan out:
    Type: Parallel
    QueryLanguage: JSONata
    Branches:
      - StartAt: a/b
        States:
          a/b: {Type: Pass, End: true}
      - StartAt: x~y
        States:
          x~y:
            Type: Wait
            Seconds: 1
            End: true
    Next: Done
  Done: {Type: Succeed}
  Failed:
    Type: Fail
    Error: OrderFailed
`;

test('JSON, generated YAML and hand-written YAML (block, flow, quoted) give the same model and pointers', () => {
  const fromJson = analyze(json, { format: 'json' });
  assert.deepEqual(fromJson.findings.filter((f) => f.ruleId.startsWith('ASL')), []);
  const expected = project(fromJson.model!);
  for (const yaml of [stringify(definition), handYaml]) {
    const fromYaml = analyze(yaml, { format: 'yaml' });
    assert.deepEqual(fromYaml.findings.filter((f) => f.ruleId.startsWith('ASL')), []);
    assert.deepEqual(project(fromYaml.model!), expected);
  }
});

test('pointers escape "/" and "~" in state names the same way in both formats', () => {
  const states = project(analyze(handYaml, { format: 'yaml' }).model!).states;
  assert.equal(states.find((s) => s.name === 'a/b')?.pointer, '/States/Fan out/Branches/0/States/a~1b');
  assert.equal(states.find((s) => s.name === 'x~y')?.pointer, '/States/Fan out/Branches/1/States/x~0y');
});

test('every model node points at its own text in each document', () => {
  for (const [text, format] of [[json, 'json'], [handYaml, 'yaml']] as const) {
    const model = analyze(text, { format }).model!;
    for (const s of model.states) {
      const key = text.slice(s.keyNode.offset, s.keyNode.offset + s.keyNode.length);
      assert.ok(key === s.name || key === JSON.stringify(s.name), `${format}: key text ${key} for ${s.name}`);
      for (const t of s.transitions) {
        const target = text.slice(t.node.offset, t.node.offset + t.node.length);
        assert.ok(target === t.target || target === JSON.stringify(t.target), `${format}: target text ${target}`);
      }
    }
  }
});

test('findings on the same mistake have the same pointer in JSON and YAML', () => {
  const broken = { ...definition, States: { ...definition.States, Done: { Type: 'Succeed', Next: 'Validate' } } };
  const a = analyze(JSON.stringify(broken, null, 2), { format: 'json' }).findings.filter((f) => f.ruleId.startsWith('ASL'));
  const b = analyze(stringify(broken), { format: 'yaml' }).findings.filter((f) => f.ruleId.startsWith('ASL'));
  assert.deepEqual(b.map((f) => [f.ruleId, f.messageId, f.pointer]), a.map((f) => [f.ruleId, f.messageId, f.pointer]));
  assert.ok(a.some((f) => f.ruleId === 'ASL006' && f.pointer === '/States/Done/Next'));
});
