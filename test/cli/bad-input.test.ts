// Hostile and broken input never crashes the scanner or prints a stack trace: broken JSON and YAML,
// empty files, binary bytes, invalid UTF-8, huge strings, deep nesting, oversized files, engine bugs.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanFile } from '../../cli/src/scan-file';
import { decodeSource, type ResolvedConfig } from '../../core';
import { assertNoStackTrace, ensureBuilt, runCli, tempTree, type JsonReport } from './helpers';

before(() => ensureBuilt());

function scanTree(files: Record<string, string | Uint8Array>, ...args: string[]) {
  const tree = tempTree(files);
  try {
    const run = runCli(['scan', '.', '--format', 'json', ...args], { cwd: tree.dir });
    assertNoStackTrace(run);
    return { ...run, report: JSON.parse(run.stdout) as JsonReport };
  } finally {
    tree.cleanup();
  }
}

test('broken JSON, YAML errors and empty files give ASL001 findings, not crashes', () => {
  const { code, report, stderr } = scanTree({
    'truncated.asl.json': '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": tr',
    'garbage.asl.json': '}{][,,:"\\u12',
    'bad-indent.asl.yaml': 'StartAt: A\nStates:\n  A:\n    Type: Pass\n   End: true\n  - oops\n',
    'tabs.asl.yml': 'StartAt: A\nStates:\n\tA: {Type: Pass\n',
    'empty.asl.json': '',
    'empty.asl.yaml': '',
    'whitespace.asl.json': '   \n\n  ',
  });
  assert.equal(stderr, '');
  assert.equal(code, 1);
  assert.equal(report.files.length, 7);
  for (const file of report.files) {
    assert.equal(file.error, undefined, file.path);
    assert.ok(file.findings.length > 0, `${file.path} has findings`);
  }
  for (const name of ['truncated.asl.json', 'garbage.asl.json', 'bad-indent.asl.yaml', 'tabs.asl.yml']) {
    assert.ok(report.files.find((f) => f.path === name)!.findings.some((f) => f.ruleId === 'ASL001'), `${name}: ASL001`);
  }
});

const notText = (report: JsonReport, path: string) => report.files.find((f) => f.path === path)!.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character} ${f.message}`);

test('binary files: a named or *.asl.json binary is its one ASL001 finding (counted by --fail-on); a sniffed one is skipped', () => {
  const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
  const files = { 'blob.asl.json': binary, 'image.json': binary, 'ok.asl.json': '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' };
  const { code, report, stderr } = scanTree(files);
  assert.equal(stderr, '');
  assert.equal(code, 1, 'an error finding fails the default --fail-on error');
  assert.deepEqual(report.files.map((f) => [f.path, f.error ?? null]), [['blob.asl.json', null], ['ok.asl.json', null]]);
  assert.deepEqual(notText(report, 'blob.asl.json'), [
    'ASL001 0:0 Not a text file: it contains NUL bytes (the first at byte 0). A state machine definition is JSON or YAML text in UTF-8; nothing else was checked.',
  ]);
  const lenient = scanTree(files, '--fail-on', 'none');
  assert.equal(lenient.code, 0, '--fail-on none: exit 0 whatever the findings');
  assert.equal(scanTree(files, '--fail-on', 'warning').code, 1);
});

test('invalid UTF-8 is not text (ASL001, with the byte offset and nothing of the content); UTF-16 with a BOM is decoded', () => {
  const latin1 = Buffer.concat([Buffer.from('{"StartAt":"A","States":{"A":{"Type":"Pass","Comment":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('","Next":"Nope"}}}')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Gone"}}}', 'utf16le')]);
  // Found by content in a folder walk: the lenient decoding shows a definition, so one bad byte does not hide it.
  const { code, report } = scanTree({ 'latin1.asl.json': latin1, 'utf16.asl.json': utf16, 'sniffed.json': latin1 });
  assert.equal(code, 1);
  assert.deepEqual(report.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]), [
    ['latin1.asl.json', ['ASL001']],
    ['sniffed.json', ['ASL001']],
    ['utf16.asl.json', ['ASL003']],
  ]);
  assert.match(notText(report, 'latin1.asl.json')[0], /^ASL001 0:0 Not a text file: invalid UTF-8 at byte 58\. /);
  assert.equal(decodeSource(Buffer.from([0x61, 0xff, 0x62])).kind, 'notText');
  assert.deepEqual(decodeSource(Buffer.from('a\u00e9b')), { kind: 'text', text: 'a\u00e9b' });
});

test('a 5 MB string value and 100,000 levels of nesting finish without a crash', () => {
  const bigString = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: { blob: 'x'.repeat(5 * 1024 * 1024) }, End: true } } });
  const deepJson = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${'['.repeat(100_000)}${']'.repeat(100_000)},"End":true}}}`;
  const deepYaml = `StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n    End: true\n`;
  const started = Date.now();
  const { code, report, stderr } = scanTree({ 'big.asl.json': bigString, 'deep.asl.json': deepJson, 'deep.asl.yaml': deepYaml }, '--fail-on', 'none');
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.deepEqual(report.files.map((f) => [f.path, f.error ?? null]), [
    ['big.asl.json', null],
    ['deep.asl.json', null],
    ['deep.asl.yaml', null],
  ]);
  assert.ok(Date.now() - started < 60_000, 'finishes in reasonable time');
});

test('a file over the size limit is reported, not loaded; a sniffed one is skipped', () => {
  const tree = tempTree({ 'ok.asl.json': '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' });
  try {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
    writeFileSync(join(tree.dir, 'huge.asl.json'), big);
    writeFileSync(join(tree.dir, 'huge-data.json'), big);
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: tree.dir });
    assertNoStackTrace(run);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'asl-guard: huge.asl.json: file is 21 MB, over the 20 MB limit; not scanned\n');
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path), ['huge.asl.json', 'ok.asl.json']);
  } finally {
    tree.cleanup();
  }
});

test('scanFile: an exception inside the engine becomes a per-file error that names the bug', () => {
  const tree = tempTree({ 'a.asl.json': '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' });
  try {
    // A configuration whose level table throws stands in for a bug anywhere in the engine.
    const exploding = {
      levels: {
        get() {
          throw new RangeError('simulated engine failure');
        },
      },
      options: new Map(),
      workflowType: 'STANDARD',
    } as unknown as ResolvedConfig;
    const path = join(tree.dir, 'a.asl.json');
    const report = scanFile({ path, kind: 'named', size: 50 }, 'a.asl.json', { config: exploding });
    assert.ok(report?.error);
    assert.match(report.error, /^internal error while analysing this file \(a bug in asl-guard; please report it at https:\/\/\S+\): RangeError: simulated engine failure$/);
    assert.equal(report.path, 'a.asl.json');
  } finally {
    tree.cleanup();
  }
});
