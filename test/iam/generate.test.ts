// Generator behaviour beyond the table: one state and its nested scopes, notes for run-time and
// unscopable resources (never a silent "*"), task roles, placeholders, definitions it cannot read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';
import { generatePolicy } from '../../core/iam';

const modelOf = (definition: unknown) => analyze(JSON.stringify(definition), { format: 'json' }).model;
const lambda = (name: string, extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: name }, ...extra });

const machine = modelOf({
  StartAt: 'First',
  States: {
    First: lambda('first', { Next: 'Fan' }),
    Fan: { Type: 'Parallel', Next: 'Last', Branches: [{ StartAt: 'Inner', States: { Inner: lambda('inner', { Next: 'Loop' }), Loop: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'Deep', States: { Deep: lambda('deep', { End: true }) } } } } }] },
    Last: lambda('last', { End: true }),
  },
});

test('one state: the policy covers it and every state nested in it', () => {
  const result = generatePolicy(machine, { state: 'Fan' });
  assert.deepEqual(result.states, ['Fan', 'Inner', 'Loop', 'Deep']);
  assert.deepEqual(result.document.Statement[0].Resource, ['arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:inner', 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:deep']);
  assert.deepEqual(generatePolicy(machine, { state: '/States/Last' }).states, ['Last'], 'a JSON pointer selects a state too');
  const missing = generatePolicy(machine, { state: 'Nope' });
  assert.deepEqual(missing.document.Statement, []);
  assert.match(missing.notes[0].message, /no state named "Nope"/);
});

test('a run-time resource gets the narrowest pattern and a note pointing at the value', () => {
  const model = modelOf({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { 'TopicArn.$': '$.topic', Message: 'm' }, End: true } } });
  const result = generatePolicy(model);
  assert.deepEqual(result.document.Statement[0].Resource, ['arn:aws:sns:${AWS::Region}:${AWS::AccountId}:*']);
  const note = result.notes.find((n) => n.kind === 'runtime')!;
  assert.equal(note.pointer, '/States/T/Parameters/TopicArn.$');
  assert.match(note.message, /\$\.topic/);
  assert.ok(!result.document.Statement.some((s) => s.Resource.includes('*')), 'never widened to a bare "*"');
});

test('every "Resource": "*" statement has a note saying why', () => {
  const model = modelOf({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:rekognition:detectLabels', Parameters: { Image: {} }, End: true } } });
  const result = generatePolicy(model, { includeTracing: true });
  const stars = result.document.Statement.filter((s) => s.Resource.includes('*'));
  assert.equal(stars.length, 2);
  for (const s of stars) assert.ok(result.notes.some((n) => n.kind === 'unscopable' && n.message.startsWith(`${s.Sid}:`)), s.Sid);
});

test('task credentials: the service permissions go to the task role, the execution role assumes it', () => {
  const model = modelOf({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/210987654321/q' }, Credentials: { RoleArn: 'arn:aws:iam::210987654321:role/Sender' }, End: true } } });
  const result = generatePolicy(model);
  assert.deepEqual(result.document.Statement.map((s) => s.Action), [['sts:AssumeRole']]);
  assert.deepEqual(result.taskRoles, [{ state: 'T', role: 'arn:aws:iam::210987654321:role/Sender', statements: [{ Sid: 'SendSqsMessages', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:us-east-1:210987654321:q'] }] }]);
});

test('placeholders: a function-like Resource placeholder is invoked as a function; others are reported, never denied', () => {
  const fn = generatePolicy(modelOf({ StartAt: 'T', States: { T: { Type: 'Task', Resource: '${ProcessFunctionArn}', End: true } } }));
  assert.deepEqual(fn.document.Statement, [{ Sid: 'InvokeLambdaFunctions', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['${ProcessFunctionArn}'] }]);
  const other = generatePolicy(modelOf({ StartAt: 'T', States: { T: { Type: 'Task', Resource: '${DDBUpdateItem}', End: true } } }));
  assert.deepEqual(other.document.Statement, [], 'no deny-all when a task could not be read');
  assert.ok(other.notes.some((n) => n.kind === 'unsupported' && n.message.includes('${DDBUpdateItem}')));
});

test('a broken or empty document gives a result, not an exception', () => {
  assert.equal(generatePolicy(undefined).document.Statement.length, 0);
  assert.equal(generatePolicy(modelOf({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } })).document.Statement[0].Effect, 'Deny');
});
