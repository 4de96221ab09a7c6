// Every file of the shared real-world corpus (standalone definitions and CloudFormation/SAM/Terraform
// templates) goes through the built CLI without a crash: exit code 0 or 1, never 2, no stack trace.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoStackTrace, ensureBuilt, runCli, type JsonReport } from './helpers';
import { CORPUS, NO_CORPUS } from '../helpers/corpus';

before(() => ensureBuilt());

for (const part of ['asl', 'templates']) {
  const dir = join(CORPUS, part);
  test(`corpus/${part}: every file, named explicitly, scans with exit code 0 or 1`, { skip: NO_CORPUS }, () => {
    const files = readdirSync(dir).sort().map((name) => join(dir, name));
    assert.ok(files.length > 50, `corpus/${part} has files`);
    const run = runCli(['scan', ...files, '--format', 'json', '--fail-on', 'warning']);
    assertNoStackTrace(run);
    assert.equal(run.stderr, '', 'no per-file errors');
    assert.ok(run.code === 0 || run.code === 1, `exit code ${run.code}`);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.files.length, files.length, 'one report entry per file');
    assert.ok(report.files.every((f) => f.error === undefined));
  });
}

test('corpus/asl as a folder: definitions are found by content, whatever their extension', { skip: NO_CORPUS }, () => {
  const dir = join(CORPUS, 'asl');
  const run = runCli(['scan', dir, '--format', 'json', '--fail-on', 'none']);
  assertNoStackTrace(run);
  assert.equal(run.code, 0);
  const report = JSON.parse(run.stdout) as JsonReport;
  // Only the Terraform templatefile sources (*.tpl) are left out: they are not .json/.yaml/.asl.
  const expected = readdirSync(dir).filter((name) => /\.(json|ya?ml|asl)$/i.test(name));
  assert.equal(report.files.length, expected.length);
});
