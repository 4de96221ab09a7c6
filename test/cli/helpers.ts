// Helpers for the CLI tests: build dist/cli.js when it is missing or stale, run it as a child
// process, and make throw-away folders of test files.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
const LOCK = join(ROOT, 'dist', '.cli-test-build.lock');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function isStale(): boolean {
  if (!existsSync(CLI)) return true;
  const sources = ['cli/src', 'core', 'protocol', 'server/src', 'package.json', 'esbuild.mjs'].map((p) => join(ROOT, p));
  return Math.max(...sources.map(newestMtime)) > statSync(CLI).mtimeMs;
}

/**
 * Runs `node esbuild.mjs` when dist/cli.js is missing or older than its sources. Test files run in
 * parallel processes, so a lock folder makes sure only one of them builds at a time.
 */
export function ensureBuilt(): void {
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than two minutes was left by a killed run.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another test process to build dist/cli.js');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!isStale()) return;
    const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `node esbuild.mjs failed:\n${result.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` and returns its exit code and output. */
export function runCli(args: readonly string[], options: SpawnSyncOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Fails when the output holds a JavaScript stack trace. */
export function assertNoStackTrace(run: CliRun): void {
  for (const text of [run.stdout, run.stderr]) {
    assert.doesNotMatch(text, /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m, `stack trace in output:\n${text.slice(0, 2000)}`);
    assert.doesNotMatch(text, /node:internal|Node\.js v\d+/, `node crash banner in output:\n${text.slice(0, 2000)}`);
  }
}

/** Each stderr line is one `asl-guard: ...` message. */
export function assertOneLineMessages(stderr: string): void {
  for (const line of stderr.split('\n').filter(Boolean)) assert.match(line, /^asl-guard: /, `unexpected stderr line: ${line}`);
}

/** A temporary folder filled from `{ relativePath: content }`; removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'asl-guard-cli-'));
  chmodSync(dir, 0o755);
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return {
    dir,
    cleanup: () => {
      // Restore permissions a test may have removed, so the folder can be deleted.
      spawnSync('chmod', ['-R', 'u+rwX', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small valid definition with one finding that fires today (ASL003: unknown transition target). */
export const BROKEN_TRANSITION = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Missing' } } }, null, 2);

/** A small valid definition with no findings. */
export const CLEAN = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, null, 2);

/** The JSON reporter's output, parsed. */
export interface JsonReport {
  files: { path: string; findings: { ruleId: string; severity: string; message: string; pointer: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]; error?: string }[];
}
