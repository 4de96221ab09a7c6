// `asl-guard policy`: the generated policy for a file, in each format, and its errors.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { assertNoStackTrace, ensureBuilt, runCli, tempTree } from './helpers';

before(ensureBuilt);

const DEFINITION = JSON.stringify({
  StartAt: 'Notify',
  States: {
    Notify: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:eu-west-1:123456789012:orders', 'Message.$': '$' }, Next: 'Pick' },
    Pick: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.fn' }, End: true },
  },
});

test('policy prints the IAM JSON policy scoped to the literal topic and explains the runtime function', () => {
  const tree = tempTree({ 'flow.asl.json': DEFINITION });
  try {
    const run = runCli(['policy', 'flow.asl.json'], { cwd: tree.dir });
    assert.equal(run.code, 0, run.stderr);
    const policy = JSON.parse(run.stdout);
    const publish = policy.Statement.find((s: { Action: string[] }) => s.Action.includes('sns:Publish'));
    assert.deepEqual(publish.Resource, ['arn:aws:sns:eu-west-1:123456789012:orders']);
    assert.ok(!JSON.stringify(policy).includes('"Resource":"*"'), 'no bare wildcard resource');
    assert.match(run.stderr, /note \(Pick\): .*run time/);
  } finally {
    tree.cleanup();
  }
});

test('policy --format cfn is YAML with an AWS::IAM::Policy; --format terraform is an aws_iam_policy_document', () => {
  const tree = tempTree({ 'flow.asl.json': DEFINITION });
  try {
    const cfn = runCli(['policy', 'flow.asl.json', '--format', 'cfn'], { cwd: tree.dir });
    assert.equal(cfn.code, 0, cfn.stderr);
    const doc = parseYaml(cfn.stdout) as Record<string, { Type: string }>;
    assert.ok(Object.values(doc).some((r) => r.Type === 'AWS::IAM::Policy'));
    const tf = runCli(['policy', 'flow.asl.json', '--format', 'terraform'], { cwd: tree.dir });
    assert.equal(tf.code, 0, tf.stderr);
    assert.match(tf.stdout, /data "aws_iam_policy_document"/);
    assert.match(tf.stdout, /sns:Publish/);
  } finally {
    tree.cleanup();
  }
});

test('policy --state limits the policy to one state', () => {
  const tree = tempTree({ 'flow.asl.json': DEFINITION });
  try {
    const run = runCli(['policy', 'flow.asl.json', '--state', 'Notify'], { cwd: tree.dir });
    assert.equal(run.code, 0, run.stderr);
    const actions = JSON.parse(run.stdout).Statement.flatMap((s: { Action: string[] }) => s.Action);
    assert.deepEqual(actions, ['sns:Publish']);
  } finally {
    tree.cleanup();
  }
});

test('policy errors are one line with exit code 2: missing file, unknown state, broken file, bad format', () => {
  const tree = tempTree({ 'flow.asl.json': DEFINITION, 'broken.asl.json': '{ "StartAt": ' });
  try {
    for (const args of [['policy', 'missing.asl.json'], ['policy', 'flow.asl.json', '--state', 'Nope'], ['policy', 'broken.asl.json'], ['policy', 'flow.asl.json', '--format', 'xml'], ['policy']]) {
      const run = runCli(args, { cwd: tree.dir });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assertNoStackTrace(run);
    }
  } finally {
    tree.cleanup();
  }
});
