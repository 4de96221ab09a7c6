// core/detect: the YAML root-key scan that replaced a full YAML parse in looksLikeStateMachine
// (test/unit/looks-like-state-machine.test.ts holds the basic cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeStateMachine } from '../../core/detect';

const yaml = (text: string) => looksLikeStateMachine(text, 'yaml');

test('block YAML: only column-0 keys of the first document count', () => {
  assert.equal(yaml('%YAML 1.2\n---\n# a machine\nStartAt: A\nStates:\n  A: {Type: Succeed}\n'), true);
  assert.equal(yaml('StartAt : A\r\nStates :\r\n  A:\r\n    Type: Succeed\r\n'), true);
  assert.equal(yaml('"StartAt": A\n"States": {}\n'), true);
  assert.equal(yaml('Name: x\n---\nStartAt: A\nStates: {}\n'), false, 'the machine is the second document');
  assert.equal(yaml('Comment: |\n  StartAt: A\n  States: {}\n'), false, 'inside a block scalar');
  assert.equal(yaml('Comment: see # StartAt: A\nStates: {}\n'), false, 'in a comment');
  assert.equal(yaml('StartAt:A\nStates: {}\n'), false, '"StartAt:A" is a scalar, not a key');
});

test('block YAML: a root that is not a mapping is not a state machine', () => {
  assert.equal(yaml('- StartAt: A\n  States: {}\n'), false);
  assert.equal(yaml('  StartAt: A\n  States: {}\n'), false);
});

test('flow YAML: quoted and plain keys at depth 1, not inside values or nested mappings', () => {
  assert.equal(yaml('{StartAt: A, States: {A: {Type: Succeed}}}'), true);
  assert.equal(yaml('{\n  StartAt: A,   # first\n  "States": {}\n}\n'), true);
  assert.equal(yaml('{Comment: "x, StartAt: y", States: {}}'), false);
  assert.equal(yaml('{Comment: {StartAt: A}, States: {}}'), false);
  assert.equal(yaml('[{StartAt: A, States: {}}]'), false);
});
