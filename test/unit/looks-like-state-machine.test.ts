// Picking plain .json/.yaml files by content: a root object with both StartAt and States.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeStateMachine } from '../../core';

test('YAML: block and flow state machines are recognised, with or without leading comments', () => {
  assert.equal(looksLikeStateMachine('StartAt: A\nStates:\n  A:\n    Type: Succeed\n', 'yaml'), true);
  assert.equal(looksLikeStateMachine('# from a blog\n\n{\n  "StartAt": "A",\n  "States": {"A": {"Type": "Succeed"}}\n}\n', 'yaml'), true);
});

test('YAML: a CloudFormation template whose definition is nested is not a state machine', () => {
  const template = 'Resources:\n  Machine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Succeed\n';
  assert.equal(looksLikeStateMachine(template, 'yaml'), false);
});

test('JSON: root keys count, nested ones do not', () => {
  assert.equal(looksLikeStateMachine('{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}', 'json'), true);
  assert.equal(looksLikeStateMachine('{"Definition": {"StartAt": "A", "States": {}}}', 'json'), false);
});
