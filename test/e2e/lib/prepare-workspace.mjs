// Makes a fresh copy of test/e2e/workspace/ for one run and adds the generated inputs that are
// too big or too binary to keep in git: a 1,000-state definition and the bad-input files.
//   usage: node prepare-workspace.mjs DEST_DIR
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '..', 'workspace');

/** Number of states in the large definition (AWS caps a definition at 1 MB, about 1,000 states). */
export const LARGE_STATES = 1000;

/**
 * A chain of LARGE_STATES states: State0000 -> ... -> State0998 -> "Dnoe" (a typo of Done) and Done.
 * The typo makes two known findings (ASL003 on "Dnoe", ASL004 on Done) that scenario 3 must see
 * again after it has typed into the middle of the document.
 */
export function largeDefinition() {
  const states = {};
  for (let i = 0; i < LARGE_STATES - 1; i++) {
    const name = `State${String(i).padStart(4, '0')}`;
    const last = i === LARGE_STATES - 2;
    states[name] = {
      Type: 'Pass',
      Parameters: { 'step': i, 'order.$': '$.order', 'label': `step ${i}` },
      ResultPath: '$.last',
      Next: last ? 'Dnoe' : `State${String(i + 1).padStart(4, '0')}`,
    };
  }
  states.Done = { Type: 'Succeed' };
  return JSON.stringify({ Comment: `Scenario 3: ${LARGE_STATES} states.`, StartAt: 'State0000', States: states }, null, 2) + '\n';
}

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
  writeFileSync(join(dest, 'generated', 'large.asl.json'), largeDefinition());
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
