// The engine as it ships: core/ bundled by esbuild like dist/server.js and dist/cli.js bundle it.
// In-process benchmarks load it from here rather than through tsx, whose per-module wrappers
// (a getter on every cross-module call) would make the engine look slower than it is.
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'bench', 'core.cjs');
buildSync({
  entryPoints: [join(root, 'core', 'index.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  outfile,
  logLevel: 'warning',
});

/** @type {typeof import('../core/index')} */
export const core = createRequire(import.meta.url)(outfile);
