// The three output formats: IAM JSON, CloudFormation/SAM YAML (parsed with `yaml`) and Terraform
// (checked for shape: balanced blocks, one statement block per statement, data sources it uses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { formatPolicy } from '../../core/iam';
import { hclString } from '../../core/iam/format-terraform';
import { CASES, FILL, policyOf } from './cases';

const withOpenParts = CASES.find((c) => c.name.startsWith('Distributed Map'))!;
const withConditions = CASES.find((c) => c.name.startsWith('HTTP Task'))!;

test('json: valid IAM policy JSON with clear placeholders for open parts, or the given values', () => {
  const result = policyOf(withOpenParts);
  const open = JSON.parse(formatPolicy(result, 'json'));
  assert.equal(open.Version, '2012-10-17');
  assert.equal(open.Statement.length, result.document.Statement.length);
  const text = JSON.stringify(open);
  assert.ok(text.includes('arn:aws:states:<region>:<account-id>:stateMachine:<state-machine-name>'));
  assert.ok(!text.includes('${'), 'no CloudFormation syntax in plain JSON');
  const filled = JSON.parse(formatPolicy(result, 'json', FILL));
  assert.ok(JSON.stringify(filled).includes('arn:aws:states:us-east-1:123456789012:stateMachine:MyMachine'));
});

test('cfn: YAML that parses, an AWS::IAM::Policy with Fn::Sub for open parts', () => {
  for (const c of [withOpenParts, withConditions]) {
    const result = policyOf(c);
    const doc = parseYaml(formatPolicy(result, 'cfn'));
    const policy = doc.StateMachinePolicy;
    assert.equal(policy.Type, 'AWS::IAM::Policy');
    assert.deepEqual(policy.Properties.Roles, [{ Ref: 'StateMachineRole' }]);
    const statements = policy.Properties.PolicyDocument.Statement;
    assert.equal(policy.Properties.PolicyDocument.Version, '2012-10-17');
    assert.deepEqual(statements.map((s: { Sid: string }) => s.Sid), result.document.Statement.map((s) => s.Sid));
    for (const [i, s] of result.document.Statement.entries()) {
      assert.deepEqual(statements[i].Action, s.Action);
      assert.deepEqual(statements[i].Resource, s.Resource.map((r) => (r.includes('${') ? { 'Fn::Sub': r } : r)));
      if (s.Condition) assert.deepEqual(statements[i].Condition, s.Condition);
    }
  }
  const child = parseYaml(formatPolicy(policyOf(withOpenParts), 'cfn')).StateMachinePolicy.Properties.PolicyDocument.Statement.find((s: { Sid: string }) => s.Sid === 'StartDistributedMapChildExecutions');
  assert.deepEqual(child.Resource, [{ 'Fn::Sub': 'arn:aws:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${StateMachineName}' }]);
});

test('terraform: aws_iam_policy_document with data sources for region and account', () => {
  const result = policyOf(withOpenParts);
  const hcl = formatPolicy(result, 'terraform');
  assert.match(hcl, /data "aws_iam_policy_document" "state_machine" \{/);
  assert.match(hcl, /data "aws_region" "current" \{\}/);
  assert.match(hcl, /data "aws_caller_identity" "current" \{\}/);
  assert.match(hcl, /variable "state_machine_name" \{/);
  assert.equal((hcl.match(/^ {2}statement \{$/gm) ?? []).length, result.document.Statement.length);
  assert.ok(hcl.includes('"arn:aws:states:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:stateMachine:${var.state_machine_name}"'));
  assert.equal((hcl.match(/\{/g) ?? []).length, (hcl.match(/\}/g) ?? []).length, 'braces balance');
  for (const line of hcl.split('\n').filter((l) => l.includes('='))) assert.match(line, /^\s+\w+\s+= (".*"|\[.*\]|string)$/, `attribute line: ${line}`);
  const conditions = formatPolicy(policyOf(withConditions), 'terraform');
  assert.match(conditions, /condition \{\n\s+test\s+= "StringLike"\n\s+variable = "states:HTTPEndpoint"\n\s+values\s+= \["https:\/\/api.example.com\/v1\/customers"\]/);
  assert.ok(!conditions.includes('aws_region'), 'no data source that is not used');
});

test('terraform strings: placeholders become variables, HCL specials are escaped', () => {
  assert.equal(hclString('arn:aws:lambda:${AWS::Region}:1:function:${FunctionName}'), '"arn:aws:lambda:${data.aws_region.current.name}:1:function:${var.FunctionName}"');
  assert.equal(hclString('a"b\\c %{x}'), '"a\\"b\\\\c %%{x}"');
  assert.equal(hclString('${not valid!}'), '"$${not valid!}"');
});
