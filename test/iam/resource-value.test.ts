// Classifying the values that name resources: literals, wildcards, run-time values with their
// literal parts, deploy-time and documentation placeholders, JSONata constants, the machine itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AstNode } from '../../core';
import { classifyValue, isDocPlaceholder, isInputControlled, patternOf } from '../../core/iam/resource-value';
import { normalizeArn, sqsArn, s3UriArn } from '../../core/iam/arn';

const str = (value: string): AstNode => ({ type: 'string', value, offset: 0, length: value.length + 2 });
const env = { partition: 'aws', region: '${AWS::Region}', account: '${AWS::AccountId}' };

test('literal, wildcard and deploy-time placeholder', () => {
  assert.equal(classifyValue('FunctionName', str('orders')).kind, 'literal');
  assert.equal(classifyValue('FunctionName', str('arn:aws:lambda:*:123456789012:function:x')).kind, 'wildcard');
  assert.equal(classifyValue('TopicArn', str('${AlertsTopic}')).kind, 'placeholder');
  assert.equal(classifyValue('TopicArn', str('arn:aws:sns:${AWS::Region}:${AWS::AccountId}:alerts')).kind, 'literal', 'placeholders inside a literal stay opaque');
  assert.equal(classifyValue('Seconds', { type: 'string', value: '${Delay}', bare: true, offset: 0, length: 8 }).kind, 'placeholder');
});

test('run-time values keep their literal parts as a pattern', () => {
  const path = classifyValue('FunctionName.$', str('$.fn'));
  assert.equal(path.kind, 'runtime');
  assert.equal(patternOf(path), '*');
  assert.equal(path.source, '$.fn');
  const format = classifyValue('RoleArn.$', str("States.Format('arn:aws:iam::{}:role/Audit', $.accountId)"));
  assert.deepEqual(format.template, ['arn:aws:iam::', undefined, ':role/Audit']);
  assert.equal(patternOf(format), 'arn:aws:iam::*:role/Audit');
  assert.equal(format.source, '$.accountId');
  const concat = classifyValue('FunctionName', str("{% 'orders-' & $states.input.region %}"));
  assert.equal(patternOf(concat), 'orders-*');
  assert.equal(concat.source, '$states.input.region');
});

test('a JSONata constant is a literal; $$.StateMachine.Id is the machine itself', () => {
  const constant = classifyValue('StateMachineArn', str("{% 'child-flow' %}"));
  assert.equal(constant.kind, 'literal');
  assert.equal(constant.text, 'child-flow');
  assert.equal(classifyValue('StateMachineArn.$', str('$$.StateMachine.Id')).kind, 'self');
  assert.equal(classifyValue('StateMachineArn', str('{% $states.context.StateMachine.Id %}')).kind, 'self');
});

test('only values that state data can choose are input-controlled', () => {
  assert.equal(isInputControlled(classifyValue('Name.$', str('$.name'))), true);
  assert.equal(isInputControlled(classifyValue('Name.$', str('$$.Execution.Input.name'))), true);
  assert.equal(isInputControlled(classifyValue('ModelId', str("{% 'arn:aws:bedrock:' & $split($states.context.StateMachine.Id, ':')[3] & '::foundation-model/m' %}"))), false);
  assert.equal(isInputControlled(classifyValue('Name.$', str("States.Format('{}-x', $$.Execution.Name)"))), false);
  assert.equal(isInputControlled(classifyValue('Name', str('orders'))), false);
});

test('documentation placeholders in ARNs become the open region and account', () => {
  for (const account of ['<AWS_ACCOUNT_ID>', '(Account_ID)', 'your-account-id', 'ACCOUNT_ID', '{{accountId}}', '[[accountId]]']) assert.ok(isDocPlaceholder(account, 'account'), account);
  for (const region of ['REGION', '<region>', 'your-region', '{{region}}']) assert.ok(isDocPlaceholder(region, 'region'), region);
  assert.ok(!isDocPlaceholder('123456789012', 'account'));
  assert.ok(!isDocPlaceholder('eu-west-1', 'region'));
  assert.ok(!isDocPlaceholder('*', 'account'));
  assert.ok(!isDocPlaceholder('${AWS::AccountId}', 'account'));
  assert.equal(normalizeArn('arn:aws:lambda:REGION:<AWS_ACCOUNT_ID>:function:f'), 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f');
  assert.equal(normalizeArn('arn:aws:lambda:us-east-1:123456789012:function:f'), 'arn:aws:lambda:us-east-1:123456789012:function:f');
});

test('ARN builders: SQS URLs and S3 URIs', () => {
  assert.equal(sqsArn('https://sqs.eu-west-1.amazonaws.com/123456789012/jobs.fifo', env), 'arn:aws:sqs:eu-west-1:123456789012:jobs.fifo');
  assert.equal(sqsArn('https://sqs.REGION.amazonaws.com/ACCOUNT_ID/jobs', env), 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:jobs');
  assert.equal(sqsArn('${QueueUrl}', env), 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${QueueUrl}');
  assert.equal(sqsArn('*', env), 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:*');
  assert.equal(s3UriArn('s3://b/k/x.json', env), 'arn:aws:s3:::b/k/x.json');
  assert.equal(s3UriArn('s3://b', env), 'arn:aws:s3:::b/*');
});
