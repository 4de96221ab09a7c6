// Boundaries from ARCHITECTURE.md: core/ is transport-free, and adapters reach the engine only
// through its façades (core/index, and core/detect for the client's detector).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FORBIDDEN_IN_CORE = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc.*|(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|cluster|dgram|tls|os|process))$/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const out: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(pattern)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

test('the import scanner sees static, dynamic and require imports (guards the guard)', () => {
  const sample = "import a from 'fs';\nexport { b } from \"node:child_process\";\nconst c = require('vscode');\nawait import('net');\nimport 'http';";
  assert.deepEqual(importsOf(sample), ['fs', 'node:child_process', 'vscode', 'net', 'http']);
});

test('core/ imports no editor, LSP, file-system, process or network module', () => {
  const offenders: string[] = [];
  for (const file of tsFiles(join(ROOT, 'core'))) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (FORBIDDEN_IN_CORE.test(spec)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('core/ never reaches into the adapters', () => {
  const offenders: string[] = [];
  for (const file of tsFiles(join(ROOT, 'core'))) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (/(^|\/)(server|client|cli)\//.test(spec)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

/** Adapters may import core's two façades: the engine (core/index) and the detector (core/detect). */
const isCoreInternal = (spec: string) => /\/core\/(?!(?:index|detect)$)./.test(spec);

test('the façade check allows core, core/index and core/detect and nothing else under core (guards the guard)', () => {
  const allowed = ['../../core', '../../core/index', '../../core/detect', '../../../core', './commands/x'];
  const refused = ['../../core/parse', '../../core/detect/x', '../../core/detector', '../../core/rules/index', '../../../core/engine/run-rules'];
  assert.deepEqual(allowed.filter(isCoreInternal), []);
  assert.deepEqual(refused.filter((s) => !isCoreInternal(s)), []);
});

test('adapters import the engine only through core/index (the client\'s detector also through core/detect)', () => {
  const offenders: string[] = [];
  for (const folder of ['server/src', 'client/src', 'cli/src']) {
    let files: string[] = [];
    try {
      files = tsFiles(join(ROOT, folder));
    } catch {
      continue;
    }
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (isCoreInternal(spec)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
