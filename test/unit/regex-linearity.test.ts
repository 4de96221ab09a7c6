// Every regular expression literal in core/ runs on untrusted text. Each one is checked by a ReDoS
// analyser (recheck); where it reports a super-linear attack, the attack string is pumped to growing
// sizes and the expression must still run in linear time (bounded quantifiers, anchors that stop it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { check, type AttackPattern, type Diagnostics } from 'recheck';
import { describeGrowth, superLinear } from '../helpers/growth';

const ROOT = join(__dirname, '..', '..');

interface Literal {
  where: string;
  source: string;
  flags: string;
}

/** Every regular expression literal in the TypeScript files under `dir`, with file:line. */
function regexLiterals(dir: string): Literal[] {
  const out: Literal[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node) => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const text = node.getText(file);
            const slash = text.lastIndexOf('/');
            const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
            out.push({ where: `${relative(ROOT, path)}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walk(dir);
  return out;
}

/** The attack with every pump repeated `n` times. */
const pumped = (attack: AttackPattern, n: number) => attack.pumps.map((p) => p.prefix + p.pump.repeat(n)).join('') + attack.suffix;

/** What the engine does with such an expression: every match of a /g one, one test otherwise. */
function runAll(re: RegExp, text: string): void {
  if (re.global) for (const _ of text.matchAll(re)) void _;
  else re.test(text);
}

/**
 * Expressions recheck cannot decide (it gives up on their size), each with why it is linear; the growth
 * test of the secret catalog (test/unit/secrets-linearity.test.ts) runs them on hostile text.
 */
const UNDECIDED: Record<string, string> = {
  // TRIGGER in core/secrets/patterns.ts: an alternation of fixed prefixes and one bounded class.
  'gh[pousr]_|github_pat_': 'literal alternatives and ey[A-Za-z0-9]{17}: constant work per position',
};

test('no regular expression in core/ is super-linear on its worst input', { timeout: 600_000 }, async () => {
  const literals = regexLiterals(join(ROOT, 'core'));
  assert.ok(literals.length > 150, `found ${literals.length} regular expressions`);
  // One analysis per distinct expression, a few at a time.
  const distinct = new Map<string, Literal[]>();
  for (const l of literals) distinct.set(`/${l.source}/${l.flags}`, [...(distinct.get(`/${l.source}/${l.flags}`) ?? []), l]);
  const results: [Literal[], Diagnostics][] = [];
  const queue = [...distinct.values()];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results.push([next, await check(next[0].source, next[0].flags, { timeout: 30_000, randomSeed: 20261207 })]);
    }),
  );

  const failures: string[] = [];
  let vulnerable = 0;
  let undecided = 0;
  for (const [sites, diagnostics] of results) {
    const { source, flags } = sites[0];
    const where = sites.map((s) => s.where).join(', ');
    if (diagnostics.status === 'safe') continue;
    if (diagnostics.status === 'unknown') {
      undecided++;
      if (!Object.keys(UNDECIDED).some((prefix) => source.startsWith(prefix))) failures.push(`${where}: /${source}/${flags}: recheck could not decide (${diagnostics.error.kind}); prove it linear and list it in UNDECIDED`);
      continue;
    }
    vulnerable++;
    if (diagnostics.complexity.type === 'exponential') {
      failures.push(`${where}: /${source}/${flags} is exponential on ${diagnostics.attack.pattern}`);
      continue;
    }
    const re = new RegExp(source, flags);
    const growth = superLinear((n) => runAll(re, pumped(diagnostics.attack, n)), { start: 16, maxN: 1 << 18 });
    if (growth) failures.push(`${where}: /${source}/${flags} is ${diagnostics.complexity.type} on ${diagnostics.attack.pattern}: ${describeGrowth(growth)}`);
  }
  console.log(`  ${literals.length} regular expressions (${distinct.size} distinct): ${vulnerable} with an attack recheck reports, measured linear; ${undecided} undecided, listed`);
  assert.deepEqual(failures, []);
});
