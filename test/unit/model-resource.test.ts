// Task Resource strings, as written in real definitions, split into kind, service, action,
// integration pattern and ARN parts; deploy-time placeholders survive as opaque parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type TaskResource } from '../../core';

/** The resource of a one-Task definition, through the whole parse -> model path (JSON and YAML agree). */
function resourceOf(arn: string): Omit<TaskResource, 'node' | 'raw'> {
  const json = analyze(JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: arn, End: true } } }), { format: 'json' });
  const yaml = analyze(`StartAt: T\nStates:\n  T:\n    Type: Task\n    Resource: ${JSON.stringify(arn)}\n    End: true\n`, { format: 'yaml' });
  const r = json.model!.states[0].resource!;
  const y = yaml.model!.states[0].resource!;
  const { node, raw, ...parts } = r;
  const { node: yNode, raw: yRaw, ...yParts } = y;
  assert.equal(raw, arn);
  assert.equal(yRaw, arn);
  assert.deepEqual(yParts, parts, 'YAML gives the same resource as JSON');
  assert.equal(json.text.slice(node.offset, node.offset + node.length), JSON.stringify(arn));
  void yNode;
  return parts;
}

const cases: [string, string, Partial<TaskResource>][] = [
  ['optimized integration', 'arn:aws:states:::sns:publish', { kind: 'optimized', partition: 'aws', service: 'sns', action: 'publish', pattern: 'request-response' }],
  ['AWS SDK integration', 'arn:aws:states:::aws-sdk:ssm:getParameter', { kind: 'aws-sdk', service: 'ssm', action: 'getParameter', pattern: 'request-response' }],
  ['HTTP Task', 'arn:aws:states:::http:invoke', { kind: 'http', service: 'http', action: 'invoke' }],
  ['Lambda function ARN with an alias qualifier', 'arn:aws:lambda:us-east-1:123456789012:function:resize:live', { kind: 'lambda-function', region: 'us-east-1', account: '123456789012', service: 'lambda', name: 'resize:live', pattern: 'request-response' }],
  ['Lambda function ARN with $LATEST', 'arn:aws:lambda:eu-west-1:123456789012:function:resize:$LATEST', { kind: 'lambda-function', name: 'resize:$LATEST' }],
  ['activity', 'arn:aws:states:us-east-1:123456789012:activity:manual-review', { kind: 'activity', name: 'manual-review', pattern: 'waitForTaskToken' }],
  ['.sync (run a job)', 'arn:aws:states:::ecs:runTask.sync', { kind: 'optimized', service: 'ecs', action: 'runTask', pattern: 'sync' }],
  ['.sync:2', 'arn:aws:states:::states:startExecution.sync:2', { kind: 'optimized', service: 'states', action: 'startExecution', pattern: 'sync:2' }],
  ['.waitForTaskToken (callback)', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', { kind: 'optimized', service: 'sqs', action: 'sendMessage', pattern: 'waitForTaskToken' }],
  ['another partition', 'arn:aws-cn:states:::lambda:invoke', { kind: 'optimized', partition: 'aws-cn', service: 'lambda', action: 'invoke' }],
  ['a whole-ARN placeholder', '${WorkerFunctionArn}', { kind: 'placeholder', pattern: 'request-response' }],
  ['a placeholder with a callback suffix', '${WorkerFunctionArn}.waitForTaskToken', { kind: 'placeholder', pattern: 'waitForTaskToken' }],
  ['${AWS::Partition} inside an optimized ARN', 'arn:${AWS::Partition}:states:::sns:publish.waitForTaskToken', { kind: 'optimized', partition: '${AWS::Partition}', service: 'sns', action: 'publish', pattern: 'waitForTaskToken' }],
  ['${AWS::Region} and ${AWS::AccountId} inside a Lambda ARN', 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}', { kind: 'lambda-function', region: '${AWS::Region}', account: '${AWS::AccountId}', name: '${FunctionName}' }],
  ['placeholders inside an activity ARN', 'arn:aws:states:${AWS::Region}:${AWS::AccountId}:activity:${ActivityName}', { kind: 'activity', region: '${AWS::Region}', name: '${ActivityName}' }],
  ['a JSONata resource', '{% $states.input.functionArn %}', { kind: 'expression' }],
  ['something else', 'docker://docker.io/library/hello-world:latest', { kind: 'unknown' }],
];

for (const [name, arn, expected] of cases) {
  test(`Resource: ${name}`, () => {
    const parts = resourceOf(arn);
    for (const [key, value] of Object.entries(expected)) assert.equal(parts[key as keyof typeof parts], value, `${key} of ${arn}`);
  });
}

test('only Task states get a resource, and a non-string Resource gives none', () => {
  const r = analyze(JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Resource: 'arn:aws:states:::sns:publish', Next: 'T' }, T: { Type: 'Task', Resource: 5, End: true } } }), { format: 'json' });
  assert.equal(r.model!.scope.states.get('P')!.resource, undefined);
  assert.equal(r.model!.scope.states.get('T')!.resource, undefined);
});
