// Writes syntaxes/asl.tmLanguage.json and syntaxes/asl-yaml.tmLanguage.json from the builders.
// `npx tsx syntaxes/src/build.ts` regenerates; `--check` exits 1 when a committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsonGrammar } from './json-grammar';
import { buildYamlGrammar } from './yaml-grammar';
import type { Rule } from './shared';

/** Drops repository entries no pattern can reach (the builders emit every host's full set). */
export function pruneRepository(grammar: Rule): Rule {
  const repository = grammar.repository as Record<string, Rule>;
  const reached = new Set<string>();
  const queue: unknown[] = [grammar.patterns];
  while (queue.length) {
    const x = queue.pop();
    if (Array.isArray(x)) queue.push(...x);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'include' && typeof v === 'string' && v.startsWith('#') && !reached.has(v.slice(1)) && v.slice(1) in repository) {
          reached.add(v.slice(1));
          queue.push(repository[v.slice(1)]);
        } else if (typeof v === 'object') queue.push(v);
      }
    }
  }
  return { ...grammar, repository: Object.fromEntries(Object.entries(repository).filter(([k]) => reached.has(k))) };
}

/** Grammar file path (relative to the repository root) -> its text. */
export function grammarFiles(): Record<string, string> {
  return {
    'syntaxes/asl.tmLanguage.json': JSON.stringify(pruneRepository(buildJsonGrammar()), null, 2) + '\n',
    'syntaxes/asl-yaml.tmLanguage.json': JSON.stringify(pruneRepository(buildYamlGrammar()), null, 2) + '\n',
  };
}

if (process.argv[1] && /build\.ts$/.test(process.argv[1])) {
  const root = join(__dirname, '..', '..');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [path, text] of Object.entries(grammarFiles())) {
    const full = join(root, path);
    let current = '';
    try {
      current = readFileSync(full, 'utf8');
    } catch {
      // missing: stale
    }
    if (current === text) continue;
    if (check) {
      console.error(`${path} is out of date: run npx tsx syntaxes/src/build.ts`);
      stale++;
    } else {
      writeFileSync(full, text);
      console.log(`wrote ${path}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
