// Every rule's fixtures: files under valid/ must not trigger the rule; files under invalid/ must
// trigger exactly the findings in their `.snap.json` (messageId, pointer, 1-based start).
// `UPDATE_SNAPSHOTS=1 npm test` rewrites snapshots; review every change by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listRules } from '../../core';
import { findingsOfFile, startOf } from '../helpers/analyze';

const ROOT = join(__dirname);
const isCase = (f: string) => /\.(json|ya?ml)$/.test(f) && !/\.(snap|options)\.json$/.test(f);

for (const rule of listRules()) {
  const dir = join(ROOT, rule.name);
  for (const kind of ['valid', 'invalid'] as const) {
    const folder = join(dir, kind);
    const cases = existsSync(folder) ? readdirSync(folder).filter(isCase).sort() : [];
    for (const file of cases) {
      test(`${rule.code} ${rule.name} ${kind}/${file}`, () => {
        const path = join(folder, file);
        const text = readFileSync(path, 'utf8');
        const base = file.replace(/\.(asl\.)?(json|ya?ml)$/, '');
        const optionsPath = join(folder, `${base}.options.json`);
        const config = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : undefined;
        const findings = findingsOfFile(path, text, config).filter((f) => f.ruleId === rule.code);
        const actual = findings.map((f) => ({ messageId: f.messageId, pointer: f.pointer, start: startOf(text, f), ...(f.suppressed ? { suppressed: true } : {}) }));
        if (kind === 'valid') {
          assert.deepEqual(actual, [], `${rule.code} must not fire on ${file}`);
          return;
        }
        const snapPath = join(folder, `${base}.snap.json`);
        if (process.env.UPDATE_SNAPSHOTS) writeFileSync(snapPath, JSON.stringify(actual, null, 2) + '\n');
        assert.ok(actual.length > 0, `${rule.code} must fire on ${file}`);
        assert.ok(existsSync(snapPath), `missing snapshot ${snapPath}`);
        assert.deepEqual(actual, JSON.parse(readFileSync(snapPath, 'utf8')));
      });
    }
  }
}
