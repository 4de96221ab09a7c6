// The places an attack review made ASL Guard print a secret: parser messages next to a secret,
// traced expression sources, generated policies (all three formats and their notes), endpoints
// built by intrinsics. Each case puts a unique secret in and looks for any of it in everything printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, formatPolicy, generatePolicy, type AnalysisResult } from '../../core';

const PASSWORD = 'Zq8Rt2Lm5Vn9Wx3K';
const TOKEN = 'ghp_R8x2KqLm9Vt4Wz7Ny3Pb6Hc1Jd5Fg0Se2Ua8';
const API_KEY = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';

/** Everything a user sees of an analysis and of its policy. */
function printed(result: AnalysisResult): string {
  const out = result.findings.map((f) => `${f.message}\n${f.pointer}\n${(f.fixes ?? []).map((x) => x.title).join('\n')}`);
  if (result.model) {
    const policy = generatePolicy(result.model);
    out.push(...(['json', 'cfn', 'terraform'] as const).map((format) => formatPolicy(policy, format)));
    out.push(...policy.notes.map((n) => `${n.message} ${n.state ?? ''} ${n.pointer ?? ''}`));
  }
  return out.join('\n');
}

/** The secret, or any 8 characters of it, in `text`. */
function leaks(text: string, secret: string): boolean {
  for (let i = 0; i + 8 <= secret.length; i++) if (text.includes(secret.slice(i, i + 8))) return true;
  return false;
}

const task = (resource: string, fields: Record<string, unknown>) => ({ Type: 'Task', Resource: resource, ...fields, End: true });
const machine = (state: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ ...extra, StartAt: 'S', States: { S: state } });

test('a JSONata syntax error at a credential: the message masks the token, and SEC001 still finds the literal', () => {
  const text = machine(task('arn:aws:states:::lambda:invoke', { Arguments: { FunctionName: 'f', Payload: { Authorization: `{% {'h': 'x' 'Bearer ${TOKEN}'} %}` } } }), { QueryLanguage: 'JSONata' });
  const result = analyze(text, { format: 'json' });
  assert.ok(result.findings.some((f) => f.ruleId === 'ASL007'), 'the syntax error is reported');
  assert.ok(result.findings.some((f) => f.ruleId === 'SEC001'), 'the literal of an invalid expression is still scanned');
  assert.ok(!leaks(printed(result), TOKEN), printed(result));
});

test('a password in a JSONata literal of an invalid expression under a secret key is still found', () => {
  const text = machine(task('arn:aws:states:::lambda:invoke', { Arguments: { FunctionName: 'f', Payload: { password: `{% '${PASSWORD}' & %}` } } }), { QueryLanguage: 'JSONata' });
  const result = analyze(text, { format: 'json' });
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'SEC001').map((f) => f.messageId), ['secretKey']);
  assert.ok(!leaks(printed(result), PASSWORD));
});

test('an intrinsic error quoting its string argument masks it', () => {
  const text = machine({ Type: 'Pass', Parameters: { 'x.$': `States.Format('Bearer ${TOKEN.slice(4)}', $.a` }, End: true });
  const result = analyze(text, { format: 'json' });
  assert.ok(result.findings.some((f) => f.ruleId === 'ASL007'));
  assert.ok(!leaks(printed(result), TOKEN.slice(4)), printed(result));
});

test('IAM002 and the policy notes name the references an expression reads, never its text', () => {
  // The literal is a lookup argument, not part of the name: nothing of it belongs in a message.
  const jsonPath = machine(task('arn:aws:states:::lambda:invoke', { Parameters: { 'FunctionName.$': `States.ArrayGetItem(States.StringSplit('a,${PASSWORD}', ','), $.index)` } }));
  const jsonata = machine(task('arn:aws:states:::lambda:invoke', { Arguments: { FunctionName: `{% $lookup($states.input.functions, '${PASSWORD}') %}` } }), { QueryLanguage: 'JSONata' });
  for (const [text, reference] of [[jsonPath, '$.index'], [jsonata, '$states.input.functions']]) {
    const result = analyze(text, { format: 'json' });
    const iam = result.findings.find((f) => f.ruleId === 'IAM002');
    assert.ok(iam, 'IAM002 fires');
    assert.ok(iam.message.includes(reference), iam.message);
    assert.ok(!printed(result).includes(PASSWORD), printed(result));
  }
  // No reference at all (an expression that does not parse): "state data", not the expression.
  const broken = machine(task('arn:aws:states:::lambda:invoke', { Arguments: { FunctionName: `{% 'fn-' & '${PASSWORD}' & %}` } }), { QueryLanguage: 'JSONata' });
  const result = analyze(broken, { format: 'json' });
  assert.match(result.findings.find((f) => f.ruleId === 'IAM002')?.message ?? '', /from state data/);
  assert.ok(!printed(result).includes(PASSWORD), printed(result));
});

test('the policy: user info and query strings of an HTTP endpoint become *, in every format, with a note that says so', () => {
  const endpoint = `https://admin:${PASSWORD}@api.example.com/v1/orders?api_key=${API_KEY}`;
  const connection = { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c/1' };
  const text = machine(task('arn:aws:states:::http:invoke', { Parameters: { ApiEndpoint: endpoint, Method: 'GET', Authentication: connection } }));
  const result = analyze(text, { format: 'json' });
  const policy = generatePolicy(result.model);
  const condition = policy.document.Statement.find((s) => s.Condition)?.Condition;
  assert.deepEqual(condition?.StringLike, { 'states:HTTPEndpoint': ['https://*@api.example.com/v1/orders*'] });
  assert.ok(policy.notes.some((n) => /holds a credential/.test(n.message)));
  assert.ok(result.findings.some((f) => f.ruleId === 'SEC004'));
  for (const secret of [PASSWORD, API_KEY]) assert.ok(!leaks(printed(result), secret), secret);
});

test('an endpoint built by States.Format with a password: SEC004 reports it, SEC007 prints the host alone', () => {
  const connection = { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c/1' };
  const text = machine(task('arn:aws:states:::http:invoke', { Parameters: { 'ApiEndpoint.$': `States.Format('https://svc:${PASSWORD}@host.example.com/items/{}', $.id)`, Method: 'GET', Authentication: connection } }));
  const result = analyze(text, { format: 'json' });
  assert.deepEqual(result.findings.filter((f) => f.ruleId.startsWith('SEC')).map((f) => `${f.ruleId} ${f.messageId}`).sort(), ['SEC004 urlCredentials', 'SEC007 runtimePath']);
  assert.match(result.findings.find((f) => f.ruleId === 'SEC007')!.message, /fixed host \(host\.example\.com\)/);
  assert.ok(!leaks(printed(result), PASSWORD), printed(result));
});

test('a resource name holding a credential format is * in the policy, and IAM001 masks it', () => {
  const text = machine(task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: `arn:aws:lambda:us-east-1:123456789012:function:${TOKEN}*` } }));
  const result = analyze(text, { format: 'json' });
  assert.ok(result.findings.some((f) => f.ruleId === 'IAM001'));
  const resources = generatePolicy(result.model).document.Statement.flatMap((s) => s.Resource);
  assert.ok(resources.includes('arn:aws:lambda:us-east-1:123456789012:function:*'), JSON.stringify(resources));
  assert.ok(!leaks(printed(result), TOKEN.slice(4)), printed(result));
});
