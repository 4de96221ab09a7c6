// The .vsix: `npm run package` in a clean copy of the repository (sources, tests and all, so the
// .vscodeignore whitelist is really exercised), then its zip entries, size and the packaged server.
// ASL_GUARD_VSIX=<path> checks an already built .vsix instead (CI builds it once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listZip, readZipEntry } from './zip';
import { TestClient } from '../server/lsp-client';
import { TYPO } from '../server/samples';

const ROOT = join(__dirname, '..', '..');
const MAX_BYTES = 1024 * 1024;
/** What may be inside `extension/` (vsce renames README/CHANGELOG/LICENSE). */
const ALLOWED = [
  /^package\.json$/, /^readme\.md$/, /^changelog\.md$/, /^LICENSE\.txt$/,
  /^dist\/(client|server|cli)\.js$/, /^images\/icon\.png$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/, /^snippets\/[\w.-]+\.code-snippets$/,
  /^language-configuration(-yaml)?\.json$/,
];
const REQUIRED = ['package.json', 'readme.md', 'LICENSE.txt', 'dist/client.js', 'dist/server.js', 'images/icon.png', 'language-configuration.json'];

function buildVsix(work: string): string {
  const copy = join(work, 'repo');
  const skip = new Set(['node_modules', '.git', 'dist', '.vscode-test', 'test-results']);
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !relative(ROOT, src).split(/[\\/]/).some((part) => skip.has(part)) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const result = spawnSync('npm', ['run', 'package'], { cwd: copy, encoding: 'utf8', env: { ...process.env, npm_config_yes: 'true' } });
  assert.equal(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);
  return join(copy, 'dist', 'asl-guard.vsix');
}

test('npm run package: a .vsix under 1 MB holding only the whitelisted files; its server bundle runs on its own', { timeout: 180_000 }, async () => {
  const work = mkdtempSync(join(tmpdir(), 'asl-guard-vsix-'));
  try {
    const vsix = process.env.ASL_GUARD_VSIX ?? buildVsix(work);
    const zip = readFileSync(vsix);
    assert.ok(zip.length < MAX_BYTES, `.vsix is ${zip.length} bytes`);
    const entries = listZip(zip);
    const names = entries.map((e) => e.name);
    for (const name of names) {
      if (name === '[Content_Types].xml' || name === 'extension.vsixmanifest') continue;
      assert.ok(name.startsWith('extension/'), name);
      const inner = name.slice('extension/'.length);
      assert.ok(!/\.(ts|map)$|(^|\/)(test|node_modules|src)\//.test(inner), `must not ship ${inner}`);
      assert.ok(ALLOWED.some((re) => re.test(inner)), `not whitelisted: ${inner}`);
    }
    for (const required of REQUIRED) assert.ok(names.includes(`extension/${required}`), `missing ${required}`);
    const manifest = JSON.parse(readZipEntry(zip, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8'));
    assert.ok(names.includes(`extension/${manifest.main.replace(/^\.\//, '')}`), 'main points into the package');
    // Every file the manifest contributes that exists in the repo is shipped (grammars and snippets once written).
    for (const { path } of [...manifest.contributes.grammars, ...manifest.contributes.snippets]) {
      const file = path.replace(/^\.\//, '');
      if (existsSync(join(ROOT, file))) assert.ok(names.includes(`extension/${file}`), `contributed but not shipped: ${file}`);
    }
    console.log(`# vsix: ${zip.length} bytes, ${entries.length} entries: ${names.join(', ')}`);

    // The packaged (minified) server works without node_modules: diagnostics over stdio.
    const server = join(work, 'server.js');
    writeFileSync(server, readZipEntry(zip, entries.find((e) => e.name === 'extension/dist/server.js')!));
    const client = await TestClient.start({ serverPath: server });
    try {
      await client.open('file:///tmp/vsix.asl.json', TYPO);
      const { diagnostics } = await client.diagnosticsFor('file:///tmp/vsix.asl.json', 1);
      assert.ok(diagnostics.some((d) => d.code === 'ASL003'));
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
