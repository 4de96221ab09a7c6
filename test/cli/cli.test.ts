// The `asl-guard` command itself: help, version, the bin entry, usage errors and exit codes.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli/src/main';
import type { CommandIo } from '../../cli/src/command';
import { assertNoStackTrace, assertOneLineMessages, BROKEN_TRANSITION, CLEAN, CLI, ensureBuilt, ROOT, runCli, tempTree } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

before(() => ensureBuilt());

test('--version prints the package.json version', () => {
  for (const flag of ['--version', '-v']) {
    const run = runCli([flag]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${pkg.version}\n`);
  }
});

test('--help lists the commands and exit codes; scan --help shows every option', () => {
  const run = runCli(['--help']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /Usage: asl-guard <command>/);
  assert.match(run.stdout, /^ {2}scan {2}/m);
  assert.match(run.stdout, /Exit codes: 0/);
  for (const args of [['scan', '--help'], ['help', 'scan'], ['scan', '-h']]) {
    const scan = runCli(args);
    assert.equal(scan.code, 0, args.join(' '));
    for (const option of ['--format', '--fail-on', '--config', '--output']) assert.ok(scan.stdout.includes(option), `${args.join(' ')} mentions ${option}`);
  }
});

test('the bin entry: package.json bin.asl-guard is dist/cli.js, which starts with a shebang', () => {
  assert.equal(join(ROOT, pkg.bin['asl-guard']), CLI);
  assert.ok(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
});

test('usage errors exit 2 with one line and no stack trace', () => {
  const cases: [string[], RegExp][] = [
    [[], /Usage: asl-guard/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--frobnicate'], /unknown option "--frobnicate"/],
    [['scan'], /at least one file or folder/],
    [['scan', '.', '--format', 'xml'], /--format must be one of text, json, sarif, not "xml"/],
    [['scan', '.', '--format', 'constructor'], /--format must be one of text, json, sarif, not "constructor"/],
    [['scan', '.', '--fail-on', 'fatal'], /--fail-on must be one of error, warning, info, none/],
    [['scan', '.', '--bogus'], /Unknown option '--bogus'/],
    [['scan', '.', '--format'], /argument missing/],
    [['help', 'nope'], /unknown command "nope"/],
  ];
  for (const [args, message] of cases) {
    const run = runCli(args);
    assert.equal(run.code, 2, `exit code of ${args.join(' ')}`);
    assert.match(run.stderr, message, args.join(' '));
    assert.equal(run.stdout, '');
    assertNoStackTrace(run);
    if (args.length) {
      assertOneLineMessages(run.stderr);
      assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}`);
    }
  }
});

test('exit codes follow --fail-on: 0 clean, 1 at or above the threshold, none never fails', () => {
  // ASL003 is an error; QUO003 (Map without MaxConcurrency) is a warning.
  const warningOnly = JSON.stringify({
    StartAt: 'M',
    States: { M: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
  });
  const tree = tempTree({ 'clean.asl.json': CLEAN, 'error.asl.json': BROKEN_TRANSITION, 'warning.asl.json': warningOnly });
  try {
    const code = (file: string, failOn?: string) => runCli(['scan', file, ...(failOn ? ['--fail-on', failOn] : [])], { cwd: tree.dir }).code;
    assert.equal(code('clean.asl.json'), 0);
    assert.equal(code('error.asl.json'), 1, 'default --fail-on is error');
    assert.equal(code('warning.asl.json'), 0, 'a warning does not fail by default');
    assert.equal(code('warning.asl.json', 'warning'), 1);
    assert.equal(code('warning.asl.json', 'info'), 1);
    assert.equal(code('warning.asl.json', 'error'), 0);
    assert.equal(code('error.asl.json', 'none'), 0);
    assert.equal(code('clean.asl.json', 'info'), 0);
    // A path error wins over findings: exit 2, and the readable file is still reported.
    const mixed = runCli(['scan', 'error.asl.json', 'missing.asl.json', '--format', 'json'], { cwd: tree.dir });
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /^asl-guard: missing\.asl\.json: no such file or directory$/m);
    const report = JSON.parse(mixed.stdout) as { files: { path: string; findings: unknown[]; error?: string }[] };
    assert.deepEqual(report.files.map((f) => [f.path, f.findings.length > 0, f.error !== undefined]).sort(), [
      ['error.asl.json', true, false],
      ['missing.asl.json', false, true],
    ]);
  } finally {
    tree.cleanup();
  }
});

test('--output writes the report to a file; an unwritable output is exit 2', () => {
  const tree = tempTree({ 'a.asl.json': BROKEN_TRANSITION });
  try {
    const ok = runCli(['scan', '.', '--format', 'json', '--output', 'out/report.json'], { cwd: tree.dir });
    assert.equal(ok.code, 2, 'out/ does not exist');
    assert.match(ok.stderr, /cannot write out\/report\.json: no such file or directory/);
    const written = runCli(['scan', '.', '--format', 'json', '-o', 'report.json'], { cwd: tree.dir });
    assert.equal(written.code, 1);
    assert.equal(written.stdout, '');
    const report = JSON.parse(readFileSync(join(tree.dir, 'report.json'), 'utf8')) as { files: { path: string }[] };
    assert.deepEqual(report.files.map((f) => f.path), ['a.asl.json']);
  } finally {
    tree.cleanup();
  }
});

function captureIo(cwd: string, overrides: Partial<CommandIo> = {}): CommandIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), ...overrides };
  return io;
}

test('an unexpected internal error exits 2 with a one-line message that calls it a bug', async () => {
  const tree = tempTree({ 'a.asl.json': CLEAN });
  try {
    const io = captureIo(tree.dir, {
      stdout: () => {
        throw new TypeError('simulated failure while writing');
      },
    });
    const code = await main(['scan', '.'], io);
    assert.equal(code, 2);
    assert.match(io.err, /^asl-guard: internal error \(this is a bug in asl-guard .*\): TypeError: simulated failure while writing\n$/);
  } finally {
    tree.cleanup();
  }
});
