// Makes a fresh copy of test/e2e/workspace/ for one run and adds the generated inputs that are
// too big or too binary to keep in git: a 1,000-state definition (bench/generate-definition.mjs,
// else a plain chain of Pass states), a 10-state one of the same shape, and the bad-input files.
//   usage: node prepare-workspace.mjs DEST_DIR
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', 'workspace');

/** Number of states in the large definition (AWS caps a definition at 1 MB, about 1,000 states). */
export const LARGE_STATES = 1000;

/** Fallback generator: a chain of `count` Pass states, State0000 -> ... -> Done. */
export function chainDefinition(count) {
  const states = {};
  for (let i = 0; i < count - 1; i++) {
    const next = i === count - 2 ? 'Done' : `State${String(i + 1).padStart(4, '0')}`;
    states[`State${String(i).padStart(4, '0')}`] = { Type: 'Pass', Parameters: { step: i, 'order.$': '$.order' }, ResultPath: '$.last', Next: next };
  }
  states.Done = { Type: 'Succeed' };
  return JSON.stringify({ Comment: `${count} states.`, StartAt: 'State0000', States: states }, null, 2) + '\n';
}

const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'bench', 'generate-definition.mjs');
/** bench/generate-definition.mjs's generateText(count), or undefined when the file is absent. */
const benchGenerator = existsSync(BENCH) ? (await import(pathToFileURL(BENCH).href)).generateText : undefined;

/** Deterministic bytes (xorshift32) so every run sees the same garbage. */
function garbage(length, seed, { nul }) {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    const b = x & 0xff;
    out[i] = nul ? b : (b === 0 ? 0xfe : b);
  }
  return out;
}

export function prepare(dest) {
  cpSync(SOURCE, dest, { recursive: true });
  mkdirSync(join(dest, 'generated'), { recursive: true });
  // The benchmark generator's realistic mix of states (about 800 bytes each) when it is there.
  const generate = benchGenerator ?? chainDefinition;
  writeFileSync(join(dest, 'generated', 'large.asl.json'), generate(LARGE_STATES));
  // The same shape with 10 states: scenario 3's typing-speed baseline on this machine, at this load.
  writeFileSync(join(dest, 'generated', 'small.asl.json'), generate(10));
  // NUL bytes: VS Code shows its "binary file" placeholder and offers "Open Anyway".
  writeFileSync(join(dest, 'bad-input', 'binary.asl.json'), garbage(4096, 0x2545f491, { nul: true }));
  // No NUL but invalid UTF-8 and control characters: opens as (mangled) text and reaches the server.
  writeFileSync(join(dest, 'bad-input', 'mojibake.asl.json'), Buffer.concat([Buffer.from('{"StartAt": "'), garbage(4096, 0x9e3779b9, { nul: false }), Buffer.from('"}\n')]));
  // 50,000 levels of nesting under States.
  const depth = 50_000;
  writeFileSync(join(dest, 'bad-input', 'deep.asl.json'), `{"StartAt": "A", "States": ${'['.repeat(depth)}${']'.repeat(depth)}}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dest = process.argv[2];
  if (!dest) {
    console.error('usage: node prepare-workspace.mjs DEST_DIR');
    process.exit(2);
  }
  prepare(dest);
}
