// The npm package as CI users install it (`npm install -g asl-guard`, `npx asl-guard`): packed by the
// real `npm pack` (its `prepack` builds the bundles) from a copy of the sources with no dist/, installed
// into an empty global prefix, both bins run from there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter, type InitializeResult } from 'vscode-languageserver-protocol/node';

const ROOT = join(__dirname, '..', '..');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const work = mkdtempSync(join(tmpdir(), 'asl-guard-pack-'));
const source = join(work, 'source');
const prefix = join(work, 'prefix');
let tarball = '';
let packed: { path: string; size: number }[] = [];
let tarballSize = 0;

// npm run from `npm test` would see the test run's npm_* variables; the package must not depend on them.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
const npm = (args: string[], options: SpawnSyncOptions = {}) => {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', env, ...options });
  assert.equal(run.status, 0, `npm ${args.join(' ')}: ${run.stderr}`);
  return String(run.stdout);
};

before(() => {
  // The tracked and new (not ignored) files, as a clone has them: no dist/, no node_modules/.
  const list = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(list.status, 0, list.stderr);
  for (const file of list.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(source, file)), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), join(source, file));
    } catch {
      // deleted in the work tree but not yet in git
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'));
  const [result] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], { cwd: source })) as { filename: string; size: number; files: { path: string; size: number }[] }[];
  tarball = join(work, result.filename);
  packed = result.files;
  tarballSize = result.size;
  npm(['install', '--global', '--prefix', prefix, '--offline', tarball]);
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the tarball holds the two bundles and the docs: no tests, benches, sources or source maps', () => {
  assert.deepEqual(packed.map((f) => f.path).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/server.js', 'package.json']);
  console.log(`  npm package: ${packed.length} files, ${(tarballSize / 1024).toFixed(0)} KB packed`);
  assert.ok(tarballSize < 1024 * 1024, `${tarballSize} bytes`);
});

test('installing it pulls no dependencies: esbuild bundled them all', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');
  const installed = join(prefix, 'lib', 'node_modules', 'asl-guard');
  assert.ok(existsSync(join(installed, 'dist', 'cli.js')), 'installed');
  assert.ok(!existsSync(join(installed, 'node_modules')), 'no node_modules inside the installed package');
});

test('asl-guard from the global prefix: --version, and a scan that finds an inline password', () => {
  const bin = join(prefix, 'bin', 'asl-guard');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8', env });
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout.trim(), VERSION);
  const definition = join(work, 'login.asl.json');
  const password = 'Tr0ub4dor&3-correct-horse';
  writeFileSync(definition, JSON.stringify({ StartAt: 'Login', States: { Login: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'login', Payload: { password } }, End: true } } }));
  const scan = spawnSync(bin, ['scan', definition], { encoding: 'utf8', env });
  assert.equal(scan.status, 1, scan.stderr);
  assert.match(scan.stdout, /SEC001/);
  assert.ok(!scan.stdout.includes(password), 'the password is masked');
});

test('asl-guard-language-server from the global prefix answers initialize over stdio', async () => {
  const server = spawn(join(prefix, 'bin', 'asl-guard-language-server'), ['--stdio'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  connection.listen();
  try {
    const result: InitializeResult = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.serverInfo?.name, 'asl-guard-language-server');
    assert.equal(result.serverInfo?.version, VERSION);
    assert.ok(result.capabilities.textDocumentSync, 'syncs documents');
  } finally {
    connection.dispose();
    server.kill();
  }
});
