// Configuration: `.asl-guard.json` discovery (working directory, ancestors, stop at .git), --config,
// rule levels applied, content problems as warnings, unreadable or invalid files as exit 2.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoStackTrace, assertOneLineMessages, BROKEN_TRANSITION, ensureBuilt, runCli, tempTree, type JsonReport } from './helpers';

before(() => ensureBuilt());

/** A Map without MaxConcurrency: one QUO003 warning and nothing else. */
const UNBOUNDED_MAP = JSON.stringify({
  StartAt: 'M',
  States: { M: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
});

function scan(cwd: string, ...args: string[]) {
  const run = runCli(['scan', ...args, '--format', 'json'], { cwd });
  assertNoStackTrace(run);
  const report = run.stdout ? (JSON.parse(run.stdout) as JsonReport) : undefined;
  const ruleIds = report ? report.files.flatMap((f) => f.findings.map((x) => x.ruleId)) : [];
  return { ...run, ruleIds };
}

test('.asl-guard.json in the working directory turns a rule off', () => {
  const tree = tempTree({ 'a.asl.json': BROKEN_TRANSITION });
  try {
    const before = scan(tree.dir, '.');
    assert.deepEqual(before.ruleIds, ['ASL003'], 'fires without a config');
    assert.equal(before.code, 1);
    writeFileSync(join(tree.dir, '.asl-guard.json'), '{ "rules": { "ASL003": "off" } }');
    const after = scan(tree.dir, '.');
    assert.deepEqual(after.ruleIds, []);
    assert.equal(after.code, 0);
    assert.equal(after.stderr, '');
  } finally {
    tree.cleanup();
  }
});

test('the nearest ancestor config applies; the search stops at a folder holding .git', () => {
  const tree = tempTree({
    '.asl-guard.json': '{ "rules": { "unknown-transition-target": "off" } }',
    'sub/deeper/a.asl.json': BROKEN_TRANSITION,
    'repo/a.asl.json': BROKEN_TRANSITION,
  });
  try {
    mkdirSync(join(tree.dir, 'repo', '.git'));
    const nested = scan(join(tree.dir, 'sub', 'deeper'), '.');
    assert.deepEqual(nested.ruleIds, [], 'found two folders up (by rule name)');
    const repo = scan(join(tree.dir, 'repo'), '.');
    assert.deepEqual(repo.ruleIds, ['ASL003'], 'a config above the repository root is ignored');
    assert.equal(repo.code, 1);
  } finally {
    tree.cleanup();
  }
});

test('--config FILE wins over the discovered file; severities and comments are honoured', () => {
  const tree = tempTree({
    '.asl-guard.json': '{ "rules": { "QUO003": "off" } }',
    'strict.json': '// CI profile\n{ "rules": { "QUO003": { "severity": "error" } }, }\n',
    'm.asl.json': UNBOUNDED_MAP,
  });
  try {
    const discovered = scan(tree.dir, '.');
    assert.deepEqual(discovered.ruleIds, []);
    assert.equal(discovered.code, 0);
    const strict = scan(tree.dir, '.', '--config', 'strict.json');
    assert.deepEqual(strict.ruleIds, ['QUO003']);
    assert.equal(strict.code, 1, 'the warning became an error, so the default --fail-on error fails');
    const report = JSON.parse(strict.stdout) as JsonReport;
    assert.equal(report.files[0].findings[0].severity, 'error');
  } finally {
    tree.cleanup();
  }
});

test('problems inside a config are warnings on stderr; the scan still runs with the valid parts', () => {
  const tree = tempTree({
    '.asl-guard.json': JSON.stringify({ rules: { NOPE001: 'off', ASL003: 'loud', QUO003: { severity: 'info', options: { bogus: 1 } } }, workflowType: 'FAST' }),
    'a.asl.json': BROKEN_TRANSITION,
    'm.asl.json': UNBOUNDED_MAP,
  });
  try {
    const run = scan(tree.dir, '.');
    assertOneLineMessages(run.stderr);
    const warnings = run.stderr.trim().split('\n');
    assert.equal(warnings.length, 4, run.stderr);
    for (const w of warnings) assert.match(w, /^asl-guard: warning: \.asl-guard\.json: /);
    assert.match(run.stderr, /Unknown rule "NOPE001"/);
    assert.match(run.stderr, /ASL003: level must be one of/);
    assert.match(run.stderr, /QUO003: unknown option "bogus"/);
    assert.match(run.stderr, /workflowType must be "STANDARD" or "EXPRESS"/);
    const report = JSON.parse(run.stdout) as JsonReport;
    const quo = report.files.flatMap((f) => f.findings).find((f) => f.ruleId === 'QUO003');
    assert.equal(quo?.severity, 'info', 'the valid part of the config applied');
    assert.equal(run.code, 1, 'ASL003 kept its default level');
  } finally {
    tree.cleanup();
  }
});

test('an unreadable or invalid config file is exit 2 with one line, before any scanning', () => {
  const tree = tempTree({
    'broken.json': '{ "rules": { "ASL003": "off" ',
    'array.json': '[1, 2]',
    'a.asl.json': BROKEN_TRANSITION,
  });
  try {
    mkdirSync(join(tree.dir, 'folder.json'));
    const cases: [string, RegExp][] = [
      ['broken.json', /^asl-guard: config file .*broken\.json:1:\d+ is not valid JSON \(\w+\)\n$/],
      ['array.json', /^asl-guard: config file .*array\.json must hold a JSON object/],
      ['missing.json', /^asl-guard: cannot read config file .*missing\.json: no such file or directory\n$/],
      ['folder.json', /^asl-guard: config file .*folder\.json is a directory\n$/],
    ];
    for (const [file, message] of cases) {
      const run = runCli(['scan', '.', '--config', file], { cwd: tree.dir });
      assert.equal(run.code, 2, file);
      assert.match(run.stderr, message, file);
      assert.equal(run.stdout, '', `${file}: no report`);
      assertNoStackTrace(run);
    }
    // The same for a discovered file.
    const discovered = tempTree({ '.asl-guard.json': '{ rules: }', 'a.asl.json': BROKEN_TRANSITION });
    try {
      const run = runCli(['scan', '.'], { cwd: discovered.dir });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /config file .*\.asl-guard\.json:1:3 is not valid JSON/);
    } finally {
      discovered.cleanup();
    }
  } finally {
    tree.cleanup();
  }
});
