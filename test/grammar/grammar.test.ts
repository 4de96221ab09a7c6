// The TextMate grammars: generated files are current, every rule is well formed, and the
// vscode-tmgrammar-test fixtures beside this file pass (and a deliberately wrong one fails).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { grammarFiles } from '../../syntaxes/src/build';

const ROOT = join(__dirname, '..', '..');
const HERE = __dirname;
// The package's own bin script, run with this Node (the node_modules/.bin shim is a .cmd on Windows).
const TOOL_PACKAGE = require.resolve('vscode-tmgrammar-test/package.json');
const TOOL = join(TOOL_PACKAGE, '..', (JSON.parse(readFileSync(TOOL_PACKAGE, 'utf8')) as { bin: Record<string, string> }).bin['vscode-tmgrammar-test']);
const CONFIG = join(HERE, 'tmgrammar.config.json');
const GRAMMARS = { json: 'syntaxes/asl.tmLanguage.json', yaml: 'syntaxes/asl-yaml.tmLanguage.json' } as const;

type Json = Record<string, unknown>;
const grammar = (path: string): Json => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Json;
const fixtures = (ext: 'json' | 'yaml') => readdirSync(HERE).filter((f) => f.endsWith(`.asl.${ext}`)).sort();

/** Runs the tool on glob patterns relative to the repository root. */
function runTool(...globs: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [TOOL, '--config', CONFIG, ...globs], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Every rule object in a grammar, with where it sits. */
function rules(g: Json): { at: string; rule: Json }[] {
  const out: { at: string; rule: Json }[] = [];
  const walk = (x: unknown, at: string): void => {
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${at}[${i}]`));
    else if (x && typeof x === 'object') {
      const o = x as Json;
      if (['match', 'begin', 'end', 'while', 'include', 'patterns'].some((k) => k in o)) out.push({ at, rule: o });
      for (const [k, v] of Object.entries(o)) if (k === 'patterns' || k === 'repository' || typeof v === 'object') walk(v, `${at}.${k}`);
    }
  };
  walk(g.patterns, 'patterns');
  walk(g.repository, 'repository');
  return out;
}

/** Every scope name a grammar can emit (`name`, `contentName`, capture names). */
function emittedScopes(g: Json): Set<string> {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x as Json)) {
        if ((k === 'name' || k === 'contentName') && typeof v === 'string') v.split(/\s+/).forEach((s) => out.add(s));
        else walk(v);
      }
    }
  };
  walk([g.patterns, g.repository]);
  return out;
}

test('the committed grammars are exactly what syntaxes/src generates', () => {
  for (const [path, text] of Object.entries(grammarFiles())) {
    assert.equal(readFileSync(join(ROOT, path), 'utf8'), text, `${path} is stale: run npx tsx syntaxes/src/build.ts`);
  }
});

test('grammars have the language scope names and every #include resolves', () => {
  assert.equal(grammar(GRAMMARS.json).scopeName, 'source.asl');
  assert.equal(grammar(GRAMMARS.yaml).scopeName, 'source.asl-yaml');
  for (const path of Object.values(GRAMMARS)) {
    const g = grammar(path);
    const repository = g.repository as Json;
    const missing = rules(g)
      .map(({ rule }) => rule.include)
      .filter((inc): inc is string => typeof inc === 'string' && inc.startsWith('#') && !(inc.slice(1) in repository));
    assert.deepEqual(missing, [], `${path}: includes without a repository entry`);
    // A standalone grammar: no include reaches into another grammar.
    assert.deepEqual(rules(g).filter(({ rule }) => typeof rule.include === 'string' && !/^(#|\$self$|\$base$)/.test(rule.include as string)), []);
  }
});

test('every regular expression compiles with Oniguruma (the engine VS Code uses)', async () => {
  const fromTool = createRequire(TOOL_PACKAGE);
  const onig = fromTool('vscode-oniguruma');
  await onig.loadWASM(readFileSync(fromTool.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  // vscode-oniguruma does not throw on a bad pattern (it compiles to a regex that matches the
  // empty string); its binding keeps the error text of the last compile instead.
  const compileError = (pattern: string): string | undefined => {
    const scanner = new onig.OnigScanner([pattern]);
    const binding = scanner._onigBinding;
    const message = String(binding.UTF8ToString(binding._getLastOnigError()));
    scanner.dispose();
    return message === 'undefined error code' ? undefined : message;
  };
  assert.equal(compileError('(unclosed'), 'end pattern with unmatched parenthesis', 'the error probe no longer works');
  assert.equal(compileError('fine'), undefined);
  let count = 0;
  const broken: string[] = [];
  for (const path of Object.values(GRAMMARS)) {
    for (const { at, rule } of rules(grammar(path))) {
      for (const key of ['match', 'begin', 'end', 'while']) {
        const source = rule[key];
        if (typeof source !== 'string') continue;
        count++;
        // end/while back-references are replaced by the begin captures at run time.
        const pattern = key === 'end' || key === 'while' ? source.replace(/\\[0-9]/g, '') : source;
        const error = compileError(pattern);
        if (error) broken.push(`${path} ${at}.${key}: ${error}`);
      }
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(count > 200, `only ${count} patterns found: the rule walker is broken`);
});

test('every scope a grammar emits is asserted by at least one fixture of its format', () => {
  for (const [format, path] of Object.entries(GRAMMARS) as ['json' | 'yaml', string][]) {
    const comment = format === 'json' ? '//' : '#';
    const asserted = new Set<string>();
    for (const file of fixtures(format)) {
      for (const line of readFileSync(join(HERE, file), 'utf8').split('\n')) {
        if (!line.startsWith(comment) || !/^\s*(\^|<~*-)/.test(line.slice(comment.length))) continue;
        // Required scopes only: the ones after ` - ` are prohibited, which proves nothing about them.
        const required = line.slice(comment.length).replace(/^[\s^<~-]+/, '').split(/\s+-(?:\s|$)/)[0];
        for (const scope of required.split(/\s+/)) if (scope) asserted.add(scope);
      }
    }
    const g = grammar(path);
    const untested = [...emittedScopes(g)].filter((s) => s !== g.name && !asserted.has(s));
    assert.deepEqual(untested, [], `${path}: scopes no fixture asserts`);
  }
});

test('package.json contributes the grammars and snippets the tests use', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes?: Json };
  const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as { contributes: { grammars: Json[] } };
  const normalize = (g: Json) => ({ language: g.language, scopeName: g.scopeName, path: String(g.path).replace(/^(\.\.\/)+|^\.\//g, '') });
  assert.deepEqual(((manifest.contributes?.grammars as Json[]) ?? []).map(normalize), config.contributes.grammars.map(normalize));
  assert.deepEqual(
    ((manifest.contributes?.snippets as Json[]) ?? []).map((s) => [s.language, String(s.path).replace(/^\.\//, '')]),
    [['asl', 'snippets/asl.code-snippets'], ['asl-yaml', 'snippets/asl-yaml.code-snippets']],
  );
});

test('vscode-tmgrammar-test: every fixture passes', () => {
  const files = [...fixtures('json'), ...fixtures('yaml')];
  assert.ok(fixtures('json').length >= 3 && fixtures('yaml').length >= 3, `fixtures missing: ${files.join(', ')}`);
  for (const file of files) {
    const text = readFileSync(join(HERE, file), 'utf8');
    const comment = file.endsWith('.json') ? '//' : '#';
    assert.match(text.split('\n')[0], new RegExp(`^${comment} SYNTAX TEST "source\\.asl(-yaml)?" "[^"]+"$`), `${file}: header`);
    const assertions = text.split('\n').filter((l) => l.startsWith(comment) && /^\s*(\^|<~*-)/.test(l.slice(comment.length)));
    assert.ok(assertions.length >= 25, `${file}: only ${assertions.length} assertion lines`);
  }
  const { status, output } = runTool('test/grammar/*.asl.json', 'test/grammar/*.asl.yaml');
  assert.equal(status, 0, output);
  for (const file of files) assert.ok(output.includes(`test/grammar/${file} run successfuly`), `${file} was not run:\n${output}`);
});

test('vscode-tmgrammar-test: a wrong assertion makes it fail (the harness can fail)', () => {
  const { status, output } = runTool('test/grammar/must-fail/wrong-scope.asl.json');
  assert.notEqual(status, 0, output);
  // Exactly the wrong assertion (line 4 of the file, about line 2 col 15) fails; the right one on the same line passes.
  assert.match(output, /wrong-scope\.asl\.json:2:15:19/);
  assert.equal(output.match(/missing required scopes: support\.type\.state-type\.asl/g)?.length, 1, output);
});
