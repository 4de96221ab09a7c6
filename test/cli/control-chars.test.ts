// File names, state names and values from the scanned repository must not drive the terminal or
// forge CI log lines: a file named `a<ESC>[31mred<LF>::warning …`, a state name with C1 and U+2028,
// a resource with a raw ESC. Text and stderr show escapes; JSON, SARIF and policies keep the exact values.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeControl, escapeStructuredText } from '../../cli/src/terminal-text';
import { assertNoStackTrace, BROKEN_TRANSITION, ensureBuilt, runCli, tempTree, type JsonReport } from './helpers';

before(() => ensureBuilt());

/** Characters that must never reach a terminal raw (the line feeds that end lines aside). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORGED = 'a\u001b[31mred\n::warning file=x::forged.asl.json';

test('escapeControl writes C0, DEL, C1, U+2028/2029 and bidi overrides as escapes; escapeStructuredText keeps JSON values', () => {
  assert.equal(escapeControl(FORGED), 'a\\x1b[31mred\\n::warning file=x::forged.asl.json');
  assert.equal(escapeControl('\u0000\t\r\u007f\u0085\u009b\u2028\u2029\u202e\u2066'), '\\x00\\t\\r\\x7f\\x85\\x9b\\u2028\\u2029\\u202e\\u2066');
  assert.equal(escapeControl('C:\\dir\\file — ünïcode ✓ 🙂'), 'C:\\dir\\file — ünïcode ✓ 🙂', 'backslashes and ordinary text untouched');
  for (let code = 0; code < 0x3000; code++) {
    const c = String.fromCharCode(code);
    assert.equal(RAW_CONTROL.test(escapeControl(`x${c}y`)), false, `U+${code.toString(16)}`);
    const value = { [`k${c}`]: `v${c}` };
    const json = escapeStructuredText(JSON.stringify(value, null, 2));
    assert.deepEqual(JSON.parse(json), value, `U+${code.toString(16)} survives`);
    assert.equal(RAW_CONTROL.test(json), false, `U+${code.toString(16)} raw in JSON`);
  }
});

test('a file named with ESC[31m and a newline + ::warning: every output escapes it, no forged line', { skip: process.platform === 'win32' && 'such file names' }, () => {
  const tree = tempTree({});
  try {
    writeFileSync(join(tree.dir, FORGED), BROKEN_TRANSITION);
    // A state name with a C1 CSI and a line separator reaches the messages.
    writeFileSync(join(tree.dir, 'state.asl.json'), JSON.stringify({ StartAt: 'A\u009b2J\u2028', States: { B: { Type: 'Succeed' } } }));
    const text = runCli(['scan', '.'], { cwd: tree.dir });
    assertNoStackTrace(text);
    assert.equal(RAW_CONTROL.test(text.stdout), false, JSON.stringify(text.stdout));
    assert.ok(!text.stdout.split('\n').some((line) => line.startsWith('::')), 'no line starts a workflow command');
    assert.match(text.stdout, /^a\\x1b\[31mred\\n::warning file=x::forged\.asl\.json:\d+:\d+ +error +ASL003/m);
    assert.match(text.stdout, /ASL002 .*A\\x9b2J\\u2028/);

    for (const format of ['json', 'sarif']) {
      const run = runCli(['scan', '.', '--format', format], { cwd: tree.dir });
      assert.equal(RAW_CONTROL.test(run.stdout), false, `${format}: ${JSON.stringify(run.stdout.slice(0, 300))}`);
      const parsed = JSON.parse(run.stdout);
      if (format === 'json') assert.ok((parsed as JsonReport).files.some((f) => f.path === FORGED), 'the JSON report keeps the exact name');
      else assert.ok(parsed.runs[0].results.some((r: { message: { text: string } }) => r.message.text.includes('A\u009b2J\u2028')), 'SARIF keeps the exact message');
    }

    // stderr: a file that cannot be scanned, named like that, and a config problem quoting a key.
    writeFileSync(join(tree.dir, '.asl-guard.json'), JSON.stringify({ rules: { 'X\u001b]0;pwned\u0007': 'off' } }));
    const missing = runCli(['scan', '.', `${FORGED}.missing`], { cwd: tree.dir });
    assert.equal(missing.code, 2);
    assert.equal(RAW_CONTROL.test(missing.stderr), false, JSON.stringify(missing.stderr));
    assert.match(missing.stderr, /^asl-guard: warning: \.asl-guard\.json: Unknown rule "X\\x1b\]0;pwned\\x07"\.$/m);
    assert.match(missing.stderr, /^asl-guard: a\\x1b\[31mred\\n::warning file=x::forged\.asl\.json\.missing: no such file or directory$/m);
    const usage = runCli(['policy', `${FORGED}.missing`], { cwd: tree.dir });
    assert.equal(usage.code, 2);
    assert.equal(usage.stderr, 'asl-guard: cannot read a\\x1b[31mred\\n::warning file=x::forged.asl.json.missing: no such file or directory\n');
  } finally {
    tree.cleanup();
  }
});

test('policy: a resource with raw control characters is escaped in JSON, CloudFormation and Terraform, with the same value', () => {
  const tree = tempTree({
    'm.asl.json': JSON.stringify({ StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q\u001b[2J\u009b', MessageBody: 'x' }, End: true } } }),
  });
  try {
    for (const format of ['json', 'cfn', 'terraform']) {
      const run = runCli(['policy', 'm.asl.json', '--format', format], { cwd: tree.dir });
      assertNoStackTrace(run);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(RAW_CONTROL.test(run.stdout) || RAW_CONTROL.test(run.stderr), false, `${format}: ${JSON.stringify(run.stdout)}`);
      assert.match(run.stdout, /q\\u001b\[2J\\u009b/, format);
      if (format === 'json') assert.deepEqual(JSON.parse(run.stdout).Statement[0].Resource, ['arn:aws:sqs:us-east-1:123456789012:q\u001b[2J\u009b'], 'the same value');
    }
  } finally {
    tree.cleanup();
  }
});
