// Bad input never crashes the analysis: absurd nesting, huge strings, binary garbage, empty and
// half-typed documents, and bare deploy-time placeholders that template tools leave unquoted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, pointerOf } from '../../core';

const N = 100_000;
const syntax = (text: string, format: 'json' | 'yaml') => analyze(text, { format }).findings.filter((f) => f.ruleId === 'ASL001');

const deep: [string, string, 'json' | 'yaml'][] = [
  ['JSON arrays', '['.repeat(N) + ']'.repeat(N), 'json'],
  ['JSON objects', '{"a":'.repeat(N) + '1' + '}'.repeat(N), 'json'],
  ['JSON, unclosed', '{"a":['.repeat(N), 'json'],
  ['YAML flow sequences', '['.repeat(N) + ']'.repeat(N), 'yaml'],
  ['YAML flow mappings', '{a: '.repeat(N) + '1' + '}'.repeat(N), 'yaml'],
  ['YAML block sequences', '- '.repeat(N) + 'x\n', 'yaml'],
  ['YAML block mappings', Array.from({ length: 5000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n', 'yaml'],
];

for (const [name, text, format] of deep) {
  test(`${name}, 100,000 levels deep: one ASL001 finding, no crash, no stack overflow, fast`, () => {
    const started = performance.now();
    const result = analyze(text, { format });
    const elapsed = performance.now() - started;
    const findings = result.findings.filter((f) => f.ruleId === 'ASL001');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /Nesting is deeper than \d+ levels/);
    assert.ok(!/call stack/i.test(findings[0].message), findings[0].message);
    assert.equal(result.model, undefined);
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });
}

test('nesting below the limits still parses: 900 levels of JSON, 400 of YAML', () => {
  const json = '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":' + '['.repeat(900) + ']'.repeat(900) + ',"End":true}}}';
  assert.deepEqual(syntax(json, 'json'), []);
  const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: ' + '['.repeat(400) + ']'.repeat(400) + '\n    End: true\n';
  assert.deepEqual(syntax(yaml, 'yaml'), []);
  const block = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n' + '      ' + '- '.repeat(400) + 'x\n    End: true\n';
  assert.deepEqual(syntax(block, 'yaml'), []);
});

test('a 5 MB string value is analysed (JSON and YAML), and the state is in the model', () => {
  const big = 'x'.repeat(5 * 1024 * 1024);
  const json = `{"StartAt":"A","States":{"A":{"Type":"Pass","Comment":"${big}","End":true}}}`;
  const r = analyze(json, { format: 'json' });
  assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('ASL')), []);
  assert.equal(r.model?.states[0].name, 'A');
  const yaml = `StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: "${big}"\n    End: true\n`;
  const y = analyze(yaml, { format: 'yaml' });
  assert.deepEqual(y.findings.filter((f) => f.ruleId.startsWith('ASL')), []);
  assert.equal(y.model?.states[0].name, 'A');
});

test('binary garbage and invalid UTF-8 decoded as text: findings, no crash, no control characters in messages', () => {
  const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + (i >> 7)) % 256));
  const text = bytes.toString('utf8'); // invalid sequences become U+FFFD
  assert.ok(text.includes('\uFFFD'));
  for (const format of ['json', 'yaml'] as const) {
    const r = analyze(text, { format });
    assert.ok(r.findings.length > 0, `${format}: something is reported`);
    for (const f of r.findings) assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(f.message), `${format}: ${JSON.stringify(f.message)}`);
  }
  // Garbage with a valid JSON prefix keeps going past the first error.
  const mixed = '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' + bytes.subarray(0, 1000).toString('latin1');
  assert.ok(syntax(mixed, 'json').length >= 1);
});

test('an empty file (and whitespace only) is one "empty" finding in both formats', () => {
  for (const text of ['', '  \n\t\n']) {
    for (const format of ['json', 'yaml'] as const) {
      const f = syntax(text, format);
      assert.equal(f.length, 1, `${format} ${JSON.stringify(text)}`);
      assert.match(f[0].message, /empty/);
      assert.equal(analyze(text, { format }).model, undefined);
    }
  }
});

test('a half-typed JSON document still yields a model of its complete states, plus a syntax finding', () => {
  const text = '{\n  "StartAt": "First",\n  "States": {\n    "First": { "Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Next": "Second" },\n    "Second": { "Type": "Pass", "Resu';
  const r = analyze(text, { format: 'json' });
  assert.ok(r.findings.some((f) => f.ruleId === 'ASL001'));
  const first = r.model?.scope.states.get('First');
  assert.equal(first?.type, 'Task');
  assert.equal(first?.resource?.service, 'sns');
  assert.equal(pointerOf(first?.node), '/States/First');
  assert.ok(r.model?.scope.states.has('Second'));
});

test('a half-typed YAML document still yields a model of its complete states, plus a syntax finding', () => {
  const text = 'StartAt: First\nStates:\n  First:\n    Type: Task\n    Resource: arn:aws:states:::sns:publish\n    Next: Second\n  Second:\n    Type: "Pa\n';
  const r = analyze(text, { format: 'yaml' });
  assert.ok(r.findings.some((f) => f.ruleId === 'ASL001'));
  assert.equal(r.model?.scope.states.get('First')?.type, 'Task');
});

test('bare placeholders ("Seconds": ${Delay}) give no syntax finding and stay opaque values', () => {
  const text = '{\n  "StartAt": "Wait",\n  "TimeoutSeconds": ${Timeout},\n  "States": {\n    "Wait": { "Type": "Wait", "Seconds": ${Delay}, "Next": "Call" },\n    "Call": { "Type": "Task", "Resource": "${FunctionArn}", "Retry": [{ "ErrorEquals": ["States.ALL"], "MaxAttempts": ${Attempts} }], "End": ${IsEnd} }\n  }\n}\n';
  const r = analyze(text, { format: 'json' });
  assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('ASL')).map((f) => `${f.ruleId} ${f.message}`), []);
  const wait = r.model!.scope.states.get('Wait')!;
  const seconds = wait.node.children!.find((p) => p.children![0].value === 'Seconds')!.children![1];
  assert.equal(seconds.bare, true);
  assert.equal(seconds.value, '${Delay}');
  assert.equal(text.slice(seconds.offset, seconds.offset + seconds.length), '${Delay}');
  assert.equal(pointerOf(seconds), '/States/Wait/Seconds');
});

test('a bare placeholder inside a string-looking context is not mistaken for one', () => {
  const text = '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"${NotBare}","End":true}}}';
  const r = analyze(text, { format: 'json' });
  const result = r.model!.scope.states.get('A')!.node.children!.find((p) => p.children![0].value === 'Result')!.children![1];
  assert.equal(result.bare, undefined);
  assert.equal(result.value, '${NotBare}');
});
