// The state graph (core/model/graph.ts): successors, predecessors, reachability, cycles and the
// states that run before a given one. The quota rules (QUO002, QUO004) stand on these answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../core/parse';
import { buildModel } from '../../core/model/build';
import { graphOf, precedingStates } from '../../core/model/graph';
import type { State, StateMachine } from '../../core/model/types';

function modelOf(definition: unknown): StateMachine {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition);
  const model = buildModel(parseDocument(text, 'json').root, 'json');
  assert.ok(model);
  return model;
}

const names = (states: Iterable<State>) => [...states].map((s) => s.name).sort();
const byName = (model: StateMachine, name: string) => model.states.find((s) => s.name === name)!;

const POLLING = {
  StartAt: 'Start',
  States: {
    Start: { Type: 'Pass', Next: 'Wait' },
    Wait: { Type: 'Wait', Seconds: 5, Next: 'Check' },
    Check: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done?', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] },
    'Done?': { Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: true, Next: 'Ok' }], Default: 'Wait' },
    Ok: { Type: 'Succeed' },
    Failed: { Type: 'Fail' },
    Orphan: { Type: 'Pass', Next: 'Orphan' },
  },
};

test('successors follow Next, Default, Choice rules and Catch, without duplicates or unknown targets', () => {
  const model = modelOf({
    StartAt: 'A',
    States: {
      A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'B' }, { Variable: '$.y', IsPresent: true, Next: 'B' }], Default: 'Nowhere' },
      B: { Type: 'Task', Resource: 'r', Next: 'A', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }] },
      C: { Type: 'Succeed' },
    },
  });
  const { successors } = graphOf(model);
  assert.deepEqual(names(successors.get(byName(model, 'A'))!), ['B']);
  assert.deepEqual(names(successors.get(byName(model, 'B'))!), ['A', 'C']);
  assert.deepEqual(names(successors.get(byName(model, 'C'))!), []);
});

test('predecessors are the inverse of successors', () => {
  const model = modelOf(POLLING);
  const { successors, predecessors } = graphOf(model);
  for (const state of model.states) {
    for (const next of successors.get(state)!) assert.ok(predecessors.get(next)!.includes(state), `${state.name} -> ${next.name}`);
    for (const previous of predecessors.get(state)!) assert.ok(successors.get(previous)!.includes(state));
  }
  assert.deepEqual(names(predecessors.get(byName(model, 'Wait'))!), ['Done?', 'Start']);
  assert.deepEqual(names(predecessors.get(byName(model, 'Start'))!), []);
});

test('cycles: the polling loop and an unreachable self-loop, each once; reachability tells them apart', () => {
  const model = modelOf(POLLING);
  const graph = graphOf(model);
  const cycles = graph.cycles.map(names).sort((a, b) => a[0].localeCompare(b[0]));
  assert.deepEqual(cycles, [['Check', 'Done?', 'Wait'], ['Orphan']]);
  assert.ok(graph.reachable.has(byName(model, 'Wait')));
  assert.ok(!graph.reachable.has(byName(model, 'Orphan')));
});

test('a state without a self-transition is not a cycle, and an acyclic document has none', () => {
  const model = modelOf({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } } });
  assert.deepEqual(graphOf(model).cycles, []);
});

test('cycles stay inside their scope: a loop in a Map processor is found, transitions never cross scopes', () => {
  const model = modelOf({
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemProcessor: {
          StartAt: 'Poll',
          States: {
            Poll: { Type: 'Task', Resource: 'r', Next: 'Ready?' },
            'Ready?': { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Poll' },
            Done: { Type: 'Succeed' },
          },
        },
        Next: 'Poll',
      },
      Poll: { Type: 'Pass', End: true },
    },
  });
  const graph = graphOf(model);
  assert.equal(graph.cycles.length, 1);
  assert.deepEqual(names(graph.cycles[0]), ['Poll', 'Ready?']);
  assert.ok(graph.cycles[0].every((s) => s.scope.kind === 'item-processor'));
  const outerPoll = model.states.find((s) => s.name === 'Poll' && s.scope.kind === 'root')!;
  assert.deepEqual(graph.predecessors.get(outerPoll)!.map((s) => s.name), ['Each']);
});

test('precedingStates: everything that can run before a state, through loops and into enclosing scopes', () => {
  const model = modelOf({
    StartAt: 'Check depth',
    States: {
      'Check depth': { Type: 'Choice', Choices: [{ Variable: '$.depth', NumericLessThan: 3, Next: 'Fan out' }], Default: 'Stop' },
      'Fan out': {
        Type: 'Map',
        ItemProcessor: {
          StartAt: 'Prepare',
          States: {
            Prepare: { Type: 'Pass', Next: 'Recurse' },
            Recurse: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', End: true },
            Unrelated: { Type: 'Pass', End: true },
          },
        },
        End: true,
      },
      Stop: { Type: 'Succeed' },
    },
  });
  const graph = graphOf(model);
  assert.deepEqual(names(precedingStates(graph, byName(model, 'Recurse'))), ['Check depth', 'Fan out', 'Prepare']);
  assert.deepEqual(names(precedingStates(graph, byName(model, 'Check depth'))), []);
  const loop = modelOf(POLLING);
  // In a loop a state precedes itself; states after the loop's exit do not precede it.
  assert.deepEqual(names(precedingStates(graphOf(loop), byName(loop, 'Wait'))), ['Check', 'Done?', 'Start', 'Wait']);
});

test('the graph is built once per model and shared', () => {
  const model = modelOf(POLLING);
  assert.equal(graphOf(model), graphOf(model));
  assert.notEqual(graphOf(model), graphOf(modelOf(POLLING)));
});

test('a 20,000-state chain and a 20,000-state ring do not overflow the stack', () => {
  const size = 20000;
  const states: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) states[`S${i}`] = { Type: 'Pass', Next: `S${(i + 1) % size}` };
  const ring = modelOf({ StartAt: 'S0', States: states });
  const graph = graphOf(ring);
  assert.equal(graph.cycles.length, 1);
  assert.equal(graph.cycles[0].length, size);
  assert.equal(precedingStates(graph, ring.states[0]).size, size);
  states[`S${size - 1}`] = { Type: 'Pass', End: true };
  assert.deepEqual(graphOf(modelOf({ StartAt: 'S0', States: states })).cycles, []);
});
