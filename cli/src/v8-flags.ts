// The V8 flag the CLI sets for itself (a `#!/usr/bin/env node` script cannot pass node flags).
import { setFlagsFromString } from 'node:v8';

/** Bytecode a function must run before V8 considers optimizing it with TurboFan (V8's default: 66 KB on Node 20, 132 KB later). */
export const INTERRUPT_BUDGET = 256 * 1024;

/**
 * A scan runs most of the engine a few hundred times over small files and ends within a second,
 * so with V8's default budget much of it is optimized by TurboFan on the background thread and
 * then barely used: on 2 cores that compiling competed with the scan itself. A 4× budget made
 * the corpus scan ~20% faster in wall time and ~35% in CPU time, and changed nothing measurable
 * on a 24-file, 20 MB scan. It only changes when code is optimized. Set only on the Node versions
 * known to have the flag, so a later V8 without it never prints an "unrecognized flag" error.
 */
export function setV8Flags(nodeVersion = process.versions.node): boolean {
  const major = Number(nodeVersion.split('.')[0]);
  if (!(major >= 20 && major <= 24)) return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
