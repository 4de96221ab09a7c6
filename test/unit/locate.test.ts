// core/model/locate: the innermost state around an offset range (JSON and YAML, nested scopes) and
// the selector that names exactly one state for the policy generator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, generatePolicy, stateAt, stateSelector, type DocumentFormat } from '../../core';

const YAML = `StartAt: Each
States:
  Each:
    Type: Map
    ItemProcessor:
      StartAt: Put
      States:
        Put:
          Type: Task
          Resource: arn:aws:states:::dynamodb:putItem
          Parameters:
            TableName: orders
            Item: {}
          End: true
    End: true
`;

const model = (text: string, format: DocumentFormat) => analyze(text, { format }).model!;

test('stateAt: innermost state, name included, filtered by type; none outside every state', () => {
  const m = model(YAML, 'yaml');
  const at = (needle: string, delta = 0) => YAML.indexOf(needle) + delta;
  assert.equal(stateAt(m, at('TableName'))?.name, 'Put');
  assert.equal(stateAt(m, at('Put:'))?.name, 'Put', 'the state key belongs to the state');
  assert.equal(stateAt(m, at('ItemProcessor'))?.name, 'Each');
  assert.equal(stateAt(m, at('ItemProcessor'), at('ItemProcessor'), (s) => s.type === 'Task'), undefined, 'the Map is not a Task');
  assert.equal(stateAt(m, at('StartAt: Each')), undefined);
  assert.equal(stateAt(m, at('Type: Map'), at('TableName'))?.name, 'Each', 'a range spanning into a nested state belongs to the outer one');
  assert.equal(stateAt(undefined, 0), undefined);
});

test('stateSelector: the name when unique, the pointer when the name repeats; generatePolicy resolves both', () => {
  const text = JSON.stringify({
    StartAt: 'P',
    States: {
      P: { Type: 'Parallel', Next: 'Done', Branches: [
        { StartAt: 'Done', States: { Done: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:a', Message: 'x' }, End: true } } },
      ] },
      Done: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:b', Message: 'x' }, End: true },
    },
  });
  const m = model(text, 'json');
  const [p, inner, outer] = m.states;
  assert.deepEqual([p.name, inner.name, outer.name], ['P', 'Done', 'Done']);
  assert.equal(stateSelector(m, p), 'P');
  assert.equal(stateSelector(m, inner), '/States/P/Branches/0/States/Done');
  assert.equal(stateSelector(m, outer), '/States/Done');
  const topics = (selector: string) => generatePolicy(m, { state: selector }).document.Statement.flatMap((s) => s.Resource);
  assert.deepEqual(topics(stateSelector(m, inner)), ['arn:aws:sns:us-east-1:123456789012:a']);
  assert.deepEqual(topics(stateSelector(m, outer)), ['arn:aws:sns:us-east-1:123456789012:b']);
});
