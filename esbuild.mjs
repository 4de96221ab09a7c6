// One build script, three entry points: the VS Code client, the language server and the CLI.
// `--production` minifies for the .vsix; the default keeps names readable for stack traces in tests.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  // jsonc-parser's `main` is a UMD build whose dynamic require()s esbuild cannot follow: client, server and
  // the test bundle use its ESM build (mainFields), like the CLI below.
  // The client's banner times its own evaluation, before VS Code calls activate() (client/src/startup-timing.ts).
  esbuild.build({
    ...common,
    entryPoints: { client: 'client/src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    banner: { js: 'var __aslGuardClientStart = performance.now();' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/src/server.ts' },
    outdir: 'dist',
    mainFields: ['module', 'main'],
    // Also the `asl-guard-language-server` bin entry, so it must be directly executable. The timestamp is
    // taken before any bundled module runs (server.ts reports it to the client's start-up timing).
    banner: { js: '#!/usr/bin/env node\nvar __aslGuardScriptStart = performance.now();' },
    define: { __ASL_GUARD_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version) },
  }),
  // Extension-host tests (run inside VS Code or code-server by test/electron and test/e2e); never packaged.
  production
    ? undefined
    : esbuild.build({ ...common, entryPoints: { 'test/exthost': 'test/exthost/index.ts' }, outdir: 'dist', external: ['vscode'], mainFields: ['module', 'main'] }),
  esbuild.build({
    ...common,
    entryPoints: { cli: 'cli/src/main.ts' },
    outdir: 'dist',
    // jsonc-parser's `main` is a UMD build whose dynamic require()s esbuild cannot follow; use its ESM build.
    mainFields: ['module', 'main'],
    banner: { js: '#!/usr/bin/env node' },
    // `asl-guard --version` prints package.json's version without reading package.json at run time.
    define: { __ASL_GUARD_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version) },
  }),
]);
