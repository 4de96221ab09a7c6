// The three report formats end to end: text lines and summary, DESIGN.md's JSON shape, and SARIF
// validated against the official SARIF 2.1.0 schema plus what GitHub code scanning requires.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { listRules } from '../../core';
import { assertNoStackTrace, BROKEN_TRANSITION, ensureBuilt, ROOT, runCli, tempTree, type JsonReport } from './helpers';

before(() => ensureBuilt());

/** A definition with a suppressed and a visible ASL003 finding, so both paths are exercised. */
const WITH_SUPPRESSION = JSON.stringify(
  {
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Next: 'B' },
      B: { Type: 'Pass', Comment: 'asl-guard-disable ASL003', Next: 'Nowhere' },
      C: { Type: 'Pass', Next: 'Elsewhere' },
    },
  },
  null,
  2,
);

test('text: path:line:col  severity  RULEID  message, grouped by file, then a summary', () => {
  const tree = tempTree({ 'a.asl.json': BROKEN_TRANSITION, 'b/clean.asl.json': '{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}', 'c.asl.json': WITH_SUPPRESSION });
  try {
    const run = runCli(['scan', '.'], { cwd: tree.dir });
    assert.equal(run.code, 1);
    assertNoStackTrace(run);
    const lines = run.stdout.trimEnd().split('\n');
    // a.asl.json: the value of `"Next": "Missing"` starts on line 6, column 15 (1-based) of the pretty-printed text.
    assert.match(lines[0], /^a\.asl\.json:6:15 {2}error {4}ASL003 {2}\S/);
    assert.equal(lines[1], '', 'a blank line separates files');
    assert.ok(lines.some((l) => /^c\.asl\.json:\d+:\d+ +error +ASL003 .*Elsewhere/.test(l)), 'the visible finding in c');
    assert.ok(!lines.some((l) => l.includes('Nowhere')), 'the suppressed finding is hidden');
    assert.ok(!run.stdout.includes('clean.asl.json'), 'files without findings are not listed');
    // a: one ASL003; c: ASL003 on C plus ASL004 (C is unreachable); B's ASL003 is suppressed.
    assert.equal(lines.at(-1), '3 problems (3 errors) in 2 files; 3 files scanned. 1 suppressed by asl-guard-disable.');
  } finally {
    tree.cleanup();
  }
});

test('text: a clean scan says so', () => {
  const tree = tempTree({ 'ok.asl.yaml': 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n' });
  try {
    const run = runCli(['scan', '.'], { cwd: tree.dir });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, 'No problems found in 1 file.\n');
  } finally {
    tree.cleanup();
  }
});

test('json: exactly DESIGN.md shape, 0-based ranges, pointers, suppressed findings omitted', () => {
  const tree = tempTree({ 'a.asl.json': BROKEN_TRANSITION, 'c.asl.json': WITH_SUPPRESSION });
  try {
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: tree.dir });
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(Object.keys(report), ['files']);
    assert.deepEqual(report.files.map((f) => f.path), ['a.asl.json', 'c.asl.json']);
    const [a, c] = report.files;
    assert.deepEqual(Object.keys(a), ['path', 'findings']);
    const finding = a.findings.find((f) => f.ruleId === 'ASL003');
    assert.ok(finding);
    assert.deepEqual(Object.keys(finding), ['ruleId', 'severity', 'message', 'pointer', 'range']);
    assert.equal(finding.severity, 'error');
    assert.equal(finding.pointer, '/States/A/Next');
    // `      "Next": "Missing"` is line index 5; the value `"Missing"` starts at character 14 and is 9 long.
    assert.deepEqual(finding.range, { start: { line: 5, character: 14 }, end: { line: 5, character: 23 } });
    assert.ok(c.findings.every((f) => !f.message.includes('Nowhere')), 'suppressed finding omitted');
    assert.ok(c.findings.some((f) => f.pointer === '/States/C/Next'));
  } finally {
    tree.cleanup();
  }
});

/** The SARIF 2.1.0 schema shipped by @microsoft/jest-sarif (draft-04), loaded into Ajv 8. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // Ajv 8 speaks draft-07+. This schema uses no draft-04-only keyword (no boolean exclusiveMinimum),
  // so only the draft-04 `id` and `$schema` need adjusting for it to mean the same thing.
  assert.match(schema.$schema, /draft-04/);
  assert.ok(!JSON.stringify(schema).includes('exclusiveM'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // The schema's `language` pattern has a stray `]` that is an error only under the `u` flag, which
  // JSON Schema does not ask for; Ajv 8 adds it unless told not to.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, any>[] } };
    results: Record<string, any>[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }[];
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
  }[];
}

test('sarif: `asl-guard scan examples/ --format sarif` is valid SARIF 2.1.0 that GitHub code scanning accepts', () => {
  const run = runCli(['scan', 'examples/', '--format', 'sarif', '--fail-on', 'none']);
  assert.equal(run.code, 0);
  assertNoStackTrace(run);
  const log = JSON.parse(run.stdout) as SarifLog;
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  // The validator is not a rubber stamp: an invalid level and a 0 line are rejected.
  const broken = structuredClone(log);
  broken.runs[0].results[0].level = 'info';
  broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(broken), false);

  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  const { driver } = sarifRun.tool;
  assert.equal(driver.name, 'asl-guard');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(driver.rules.map((r) => r.id), listRules().map((r) => r.code), 'the whole catalog, in registry order');
  for (const rule of driver.rules) {
    for (const field of ['shortDescription', 'fullDescription']) assert.ok(rule[field].text.length > 0 && rule[field].text.length <= 1024, `${rule.id} ${field}`);
    assert.ok(rule.help.text && rule.help.markdown, `${rule.id} help`);
    assert.equal(rule.helpUri, `https://github.com/asl-guard/asl-guard/blob/main/docs/rules/${rule.id}.md`);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    assert.ok(Array.isArray(rule.properties.tags));
    if (rule.properties.tags.includes('security')) {
      const score = Number(rule.properties['security-severity']);
      assert.ok(score > 0 && score <= 10, `${rule.id} security-severity ${rule.properties['security-severity']}`);
    }
  }
  assert.ok(Array.isArray(sarifRun.results));
  assert.ok(sarifRun.results.length > 0, 'the insecure examples produce results');
  for (const result of sarifRun.results) {
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    assert.ok(result.message.text.length > 0);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.match(artifactLocation.uri, /^examples\/(insecure|secure)\/[\w-]+\.asl\.(json|ya?ml)$/, 'relative to the working directory');
    assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[key]) && region[key] >= 1, key);
    assert.ok(region.endLine > region.startLine || region.endColumn >= region.startColumn);
    assert.match(result.partialFingerprints.primaryLocationLineHash, /^[0-9a-f]{16}:\d+$/);
  }
  assert.equal(sarifRun.invocations[0].executionSuccessful, true);
  assert.deepEqual(
    sarifRun.artifacts.map((a) => a.location.uri),
    ['examples/insecure/nightly-export.asl.yml', 'examples/insecure/order-payment.asl.json', 'examples/insecure/partner-webhook.asl.yaml', 'examples/secure/nightly-export.asl.yml', 'examples/secure/order-payment.asl.json', 'examples/secure/partner-webhook.asl.yaml'],
  );
});

test('sarif: suppressed findings are kept with an inSource suppression; fingerprints survive reformatting', () => {
  const tree = tempTree({ 'c.asl.json': WITH_SUPPRESSION });
  try {
    const first = JSON.parse(runCli(['scan', '.', '--format', 'sarif'], { cwd: tree.dir }).stdout) as SarifLog;
    const results = first.runs[0].results;
    const suppressed = results.filter((r) => r.suppressions);
    assert.equal(suppressed.length, 1);
    assert.deepEqual(suppressed[0].suppressions, [{ kind: 'inSource' }]);
    assert.match(suppressed[0].message.text, /Nowhere/);
    assert.ok(sarifValidator()(first));

    // Same findings after the file is reformatted (minified, shifted down): same fingerprints.
    tree.cleanup();
    const moved = tempTree({ 'c.asl.json': `\n\n\n${JSON.stringify(JSON.parse(WITH_SUPPRESSION))}` });
    try {
      const second = JSON.parse(runCli(['scan', '.', '--format', 'sarif'], { cwd: moved.dir }).stdout) as SarifLog;
      const prints = (log: SarifLog) => log.runs[0].results.map((r) => `${r.ruleId} ${r.partialFingerprints.primaryLocationLineHash}`).sort();
      assert.deepEqual(prints(second), prints(first));
      assert.notDeepEqual(
        second.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine),
        first.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine),
        'the regions did move',
      );
      assert.equal(new Set(prints(first)).size, results.length, 'fingerprints are unique within a run');
    } finally {
      moved.cleanup();
    }
  } finally {
    tree.cleanup();
  }
});

test('sarif: a path that cannot be scanned becomes an error notification and executionSuccessful false', () => {
  const tree = tempTree({ 'a.asl.json': BROKEN_TRANSITION });
  try {
    const run = runCli(['scan', 'a.asl.json', 'nope.asl.json', '--format', 'sarif'], { cwd: tree.dir });
    assert.equal(run.code, 2);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.ok(sarifValidator()(log));
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(JSON.stringify(invocation.toolExecutionNotifications), /nope\.asl\.json: no such file or directory/);
    assert.ok(log.runs[0].results.length > 0, 'the readable file is still reported');
  } finally {
    tree.cleanup();
  }
});
