// In-process timings of documents that must never freeze the editor: 200 levels of nesting,
// a 5 MB string value, and every file of the shared corpus (total).
//   node --import tsx bench/pathological.mts [--json]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTree } from 'jsonc-parser';
import { core } from './core-bundle.mjs';
import { median } from './stats.mjs';

const { analyze, formatForPath } = core;

function nested(depth: number): string {
  let inner = '{"Type": "Pass", "End": true}';
  for (let i = 0; i < depth; i++) inner = `{"Type": "Parallel", "Branches": [{"StartAt": "L${i}", "States": {"L${i}": ${inner}}}], "End": true}`;
  return `{"StartAt": "Root", "States": {"Root": ${inner}}}`;
}

function hugeString(bytes: number): string {
  return JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: { blob: 'x'.repeat(bytes) }, End: true } } });
}

function timeIt(fn: () => unknown, rounds: number): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function measurePathological(): { name: string; bytes: number; parseTree: number; analyze: number }[] {
  const docs: [string, string][] = [['200-level nesting', nested(200)], ['5 MB string', hugeString(5 * 1024 * 1024)]];
  const rows = docs.map(([name, text]) => ({ name, bytes: Buffer.byteLength(text), parseTree: timeIt(() => parseTree(text), 5), analyze: timeIt(() => analyze(text, { format: 'json' }), 5) }));
  const corpus = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared', 'corpus', 'asl');
  if (existsSync(corpus)) {
    const files = readdirSync(corpus).map((f) => ({ f, text: readFileSync(join(corpus, f), 'utf8') }));
    const bytes = files.reduce((n, x) => n + Buffer.byteLength(x.text), 0);
    const all = () => files.forEach(({ f, text }) => analyze(text, { format: formatForPath(f) }));
    all(); // warm the JIT and the JSONata cache once, as a running server would be
    rows.push({ name: `corpus (${files.length} files)`, bytes, parseTree: timeIt(() => files.forEach(({ text }) => parseTree(text)), 5), analyze: timeIt(all, 5) });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measurePathological();
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else console.table(rows);
}
