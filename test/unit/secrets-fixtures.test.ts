// Properties that hold across every SEC fixture: secrets never leak into messages or finding data,
// JSON and YAML twins give the same findings at the same pointers, one problem gives one finding;
// and the real-world corpus gives exactly the reviewed SEC findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, formatForPath, loadConfig, type Finding } from '../../core';
import { parseDocument } from '../../core/parse';
import type { AstNode } from '../../core/parse/ast';
import { intrinsicLiterals, jsonataAst } from '../../core/secrets/expressions';
import { walkJsonata } from '../../core/expressions/jsonata';
import { isIntrinsic, isJsonata } from '../../core/model/values';
import { CORPUS as CORPUS_ROOT, NO_CORPUS } from '../helpers/corpus';

const RULES = ['inline-secret', 'secret-in-state-data', 'token-through-state', 'http-inline-auth', 'container-env-secret', 'secret-substitution', 'runtime-http-endpoint'];
const ROOT = join(__dirname, '..', 'rules');

interface Fixture {
  path: string;
  text: string;
  findings: Finding[];
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const rule of RULES) {
    for (const kind of ['valid', 'invalid']) {
      const dir = join(ROOT, rule, kind);
      for (const file of readdirSync(dir).filter((f) => /\.asl\.(json|ya?ml)$/.test(f))) {
        const path = join(dir, file);
        const text = readFileSync(path, 'utf8');
        const optionsPath = path.replace(/\.asl\.(json|ya?ml)$/, '.options.json');
        const config = existsSync(optionsPath) ? loadConfig(JSON.parse(readFileSync(optionsPath, 'utf8'))).config : undefined;
        const findings = analyze(text, { format: formatForPath(file), config }).findings.filter((f) => f.ruleId.startsWith('SEC'));
        out.push({ path, text, findings });
      }
    }
  }
  return out;
}

/** Every literal a fixture writes that could be a secret: string values and the literals inside expressions. */
function plantedLiterals(text: string, path: string): string[] {
  const { root } = parseDocument(text, formatForPath(path));
  const values: string[] = [];
  const stack: AstNode[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'property') {
      if (node.children?.[1]) stack.push(node.children[1]);
      continue;
    }
    for (const child of node.children ?? []) stack.push(child);
    if (node.type !== 'string') continue;
    const value = node.value as string;
    if (isJsonata(value)) {
      const ast = jsonataAst(value);
      if (ast) walkJsonata(ast, (n) => n.type === 'string' && typeof n.value === 'string' && values.push(n.value));
    } else if (isIntrinsic(value)) {
      values.push(...intrinsicLiterals(value));
    } else {
      values.push(value);
    }
  }
  return values.filter(
    (v) =>
      v.trim().length >= 6 &&
      !/^\$|^arn:|\$\{|\{\{|^[A-Z0-9_]+$|^[A-Za-z]+ ?$/.test(v) &&
      !/^[a-z][a-z0-9+.-]*:\/\/[^@]*$/i.test(v),
  );
}

const ALL = fixtures();

test('no SEC message or finding data contains a literal written in the fixture', () => {
  let checked = 0;
  for (const { path, text, findings } of ALL) {
    const literals = plantedLiterals(text, path);
    for (const f of findings) {
      const data = JSON.stringify(f.data ?? {});
      for (const literal of literals) {
        assert.ok(!f.message.includes(literal), `${path}: message of ${f.ruleId} at ${f.pointer} contains "${literal.slice(0, 4)}…"`);
        assert.ok(!data.includes(JSON.stringify(literal).slice(1, -1)), `${path}: data of ${f.ruleId} at ${f.pointer} contains "${literal.slice(0, 4)}…"`);
        checked++;
      }
      for (const m of f.message.matchAll(/\(([^()]*)…\)/g)) assert.ok(m[1].length <= 4, `${path}: mask "${m[1]}…" shows more than four characters`);
    }
  }
  assert.ok(checked > 300, `checked ${checked} literal/finding pairs`);
  // The check sees the planted secrets themselves (it is not vacuous).
  const known = ALL.find((f) => f.path.endsWith('inline-secret/invalid/known-formats.asl.json'))!;
  assert.ok(plantedLiterals(known.text, known.path).some((l) => l.includes('ghp_')));
});

test('JSON and YAML twins give the same SEC findings at the same pointers', () => {
  let pairs = 0;
  for (const fixture of ALL.filter((f) => f.path.endsWith('-yaml.asl.yaml'))) {
    const json = ALL.find((f) => f.path === fixture.path.replace(/-yaml\.asl\.yaml$/, '.asl.json'));
    assert.ok(json, `JSON twin of ${fixture.path}`);
    const shape = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.messageId} ${f.pointer} ${f.severity} ${f.suppressed ?? false} ${f.message}`);
    assert.deepEqual(shape(fixture.findings), shape(json.findings), fixture.path);
    pairs++;
  }
  assert.ok(pairs >= 25, `${pairs} twin pairs`);
});

test('one problem, one finding: no two SEC findings share a range', () => {
  for (const { path, findings } of ALL) {
    const seen = new Map<string, string>();
    for (const f of findings) {
      const key = `${f.offset}:${f.length}`;
      assert.ok(!seen.has(key), `${path}: ${f.ruleId} and ${seen.get(key)} both report ${f.pointer}`);
      seen.set(key, f.ruleId);
    }
  }
});

const CORPUS = join(CORPUS_ROOT, 'asl');

/** Every SEC finding on the shared corpus, each reviewed by hand (see docs/rules/SEC00N.md). */
const CORPUS_EXPECTED = [
  'ManageIQ__floe__examples__everything.asl SEC001 /States/FirstState/Credentials/mysecret',
  'ManageIQ__floe__examples__workflow.asl SEC001 /States/FirstState/Credentials/mysecret',
  'aws-samples__step-functions-workflows-collection__distributed-data-stream-aggregator__statemachine__data-processing-child.asl.json SEC007 /States/Get Data/Arguments/ApiEndpoint',
  'ministryofjustice__terraform-rds-export__db-restore.asl.json.tpl SEC006 /States/Create DB Instance/Parameters/MasterUserPassword',
];

test('the shared corpus gives exactly the reviewed SEC findings', { skip: NO_CORPUS }, () => {
  const actual: string[] = [];
  for (const file of readdirSync(CORPUS).sort()) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    for (const f of analyze(text, { format: formatForPath(file) }).findings) if (f.ruleId.startsWith('SEC')) actual.push(`${file} ${f.ruleId} ${f.pointer}`);
  }
  assert.deepEqual(actual.sort(), [...CORPUS_EXPECTED].sort());
});
