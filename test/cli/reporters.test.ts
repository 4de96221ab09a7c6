// The reporters as pure functions over hand-made results: edge cases the end-to-end tests do not reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { listRules, type Severity } from '../../core';
import { renderJson } from '../../cli/src/reporters/json';
import { artifactLocation, renderSarif } from '../../cli/src/reporters/sarif';
import { renderText } from '../../cli/src/reporters/text';
import type { FileReport, ReportFinding } from '../../cli/src/reporters/types';

const CWD = '/work/project';
const context = { rules: listRules(), cwd: CWD, version: '1.2.3' };

function finding(ruleId: string, severity: Severity, line: number, extra: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId,
    ruleName: listRules().find((r) => r.code === ruleId)?.name ?? 'x',
    messageId: 'm',
    severity,
    message: `${ruleId} message`,
    pointer: `/States/S${line}`,
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    suppressed: false,
    ...extra,
  };
}

function file(path: string, findings: ReportFinding[], error?: string): FileReport {
  return { path, absolutePath: path.startsWith('/') ? path : join(CWD, path), findings, ...(error ? { error } : {}) };
}

test('text: every severity, multi-line messages on one line, suppressed and failed files in the summary', () => {
  const out = renderText(
    [
      file('a.asl.json', [
        finding('SEC001', 'error', 0, { message: 'first line\n  second line' }),
        finding('QUO003', 'warning', 9),
        finding('QUO004', 'info', 10),
        finding('ASL004', 'hint', 11),
        finding('SEC003', 'warning', 12, { suppressed: true }),
      ]),
      file('missing.asl.json', [], 'no such file or directory'),
    ],
    context,
  );
  assert.equal(
    out,
    [
      'a.asl.json:1:3   error    SEC001  first line second line',
      'a.asl.json:10:3  warning  QUO003  QUO003 message',
      'a.asl.json:11:3  info     QUO004  QUO004 message',
      'a.asl.json:12:3  hint     ASL004  ASL004 message',
      '',
      '4 problems (1 error, 1 warning, 1 info, 1 hint) in 1 file; 1 file scanned. 1 suppressed by asl-guard-disable. 1 path could not be scanned (errors are listed on stderr).',
      '',
    ].join('\n'),
  );
});

test('json: suppressed findings left out, `error` only on files that could not be scanned', () => {
  const out = JSON.parse(renderJson([file('a.asl.json', [finding('SEC001', 'error', 3), finding('SEC002', 'warning', 4, { suppressed: true })]), file('b.asl.json', [], 'binary file')], context));
  assert.deepEqual(out, {
    files: [
      {
        path: 'a.asl.json',
        findings: [{ ruleId: 'SEC001', severity: 'error', message: 'SEC001 message', pointer: '/States/S3', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } } }],
      },
      { path: 'b.asl.json', findings: [], error: 'binary file' },
    ],
  });
});

test('sarif: URIs are relative and percent-encoded inside the working directory, absolute file: URIs outside it', () => {
  assert.deepEqual(artifactLocation(join(CWD, 'flows', 'my flow #1.asl.json'), CWD), { uri: 'flows/my%20flow%20%231.asl.json', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocation('/elsewhere/a.asl.json', CWD), { uri: 'file:///elsewhere/a.asl.json' });
  assert.deepEqual(artifactLocation('/work/project-two/a.asl.json', CWD), { uri: 'file:///work/project-two/a.asl.json' });
  assert.deepEqual(artifactLocation(join(CWD, '..hidden', 'a.asl.json'), CWD), { uri: '..hidden/a.asl.json', uriBaseId: '%SRCROOT%' });
});

test('sarif: levels, ruleIndex, rule metadata, and fingerprints from rule + file + pointer + messageId only', () => {
  const log = JSON.parse(
    renderSarif(
      [
        file('a.asl.json', [
          finding('SEC001', 'error', 1),
          finding('QUO004', 'info', 2),
          finding('SEC001', 'error', 3, { pointer: '/States/S1' }),
          finding('SEC001', 'error', 4, { pointer: '/States/S1', message: 'a different message with hunt…' }),
        ]),
      ],
      context,
    ),
  );
  const [run] = log.runs;
  assert.equal(run.tool.driver.version, '1.2.3');
  assert.equal(run.tool.driver.semanticVersion, '1.2.3');
  const results = run.results as { ruleId: string; ruleIndex: number; level: string; partialFingerprints: { primaryLocationLineHash: string } }[];
  assert.deepEqual(results.map((r) => r.level), ['error', 'note', 'error', 'error']);
  for (const r of results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  const prints = results.map((r) => r.partialFingerprints.primaryLocationLineHash);
  // Same rule, file, pointer and messageId: same hash, told apart by the occurrence counter, and the
  // message text (which may hold a masked value) plays no part.
  assert.equal(prints[0].split(':')[0], prints[2].split(':')[0]);
  assert.deepEqual([prints[0].split(':')[1], prints[2].split(':')[1], prints[3].split(':')[1]], ['1', '2', '3']);
  assert.notEqual(prints[0].split(':')[0], prints[1].split(':')[0]);

  const sec001 = run.tool.driver.rules.find((r: { id: string }) => r.id === 'SEC001');
  assert.ok(sec001.properties.tags.includes('security'));
  assert.equal(sec001.properties['security-severity'], '8.0');
  assert.equal(sec001.defaultConfiguration.level, 'error');
  const asl001 = run.tool.driver.rules.find((r: { id: string }) => r.id === 'ASL001');
  assert.equal(asl001.properties['security-severity'], undefined, 'structural rules are not security results');
  assert.equal(asl001.properties['problem.severity'], 'error');
});

test('sarif: no files still gives a run with an empty results array', () => {
  const log = JSON.parse(renderSarif([], context));
  assert.deepEqual(log.runs[0].results, []);
  assert.deepEqual(log.runs[0].artifacts, []);
  assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
});
