// The rule catalog agrees with itself: ids, names, files, docs pages, URLs and fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listRules } from '../core';
import { RULES } from '../core/rules';

const ROOT = join(__dirname, '..');
const DOC_SECTIONS = ['## What it does', '## Why is this bad?', '## Example', '## Use instead'];

test('rule codes and names are unique and the registry is sorted by code', () => {
  const codes = listRules().map((r) => r.code);
  assert.deepEqual(codes, [...codes].sort());
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(new Set(listRules().map((r) => r.name)).size, codes.length);
});

test('registry lists every rule file under core/rules', () => {
  const files = readdirSync(join(ROOT, 'core/rules')).filter((f) => f.endsWith('.ts') && !['index.ts', 'define-rule.ts'].includes(f));
  assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), listRules().map((r) => r.name).sort());
});

for (const rule of RULES) {
  const { meta } = rule;
  test(`${meta.code} ${meta.name}: metadata, docs page and fixtures`, () => {
    assert.match(meta.code, /^(ASL|SEC|IAM|QUO)\d{3}$/);
    assert.match(meta.name, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(rule.checkState || rule.checkDocument, 'rule has a check');
    assert.ok(Object.keys(meta.messages).length > 0, 'rule has messages');
    assert.equal(meta.docsUrl, `https://github.com/asl-guard/asl-guard/blob/main/docs/rules/${meta.code}.md`);
    const docPath = join(ROOT, 'docs/rules', `${meta.code}.md`);
    assert.ok(existsSync(docPath), `missing ${docPath}`);
    const doc = readFileSync(docPath, 'utf8');
    assert.ok(doc.startsWith(`# ${meta.code} ${meta.name}`), 'docs page starts with "# CODE name"');
    for (const section of DOC_SECTIONS) assert.ok(doc.includes(section), `docs page has "${section}"`);
    for (const name of Object.keys(meta.options)) assert.ok(doc.includes(`\`${name}\``), `docs page documents option ${name}`);
    for (const kind of ['valid', 'invalid']) {
      const folder = join(ROOT, 'test/rules', meta.name, kind);
      assert.ok(existsSync(folder) && readdirSync(folder).some((f) => /\.(json|ya?ml)$/.test(f) && !f.includes('.snap.')), `fixtures in ${folder}`);
    }
  });
}
