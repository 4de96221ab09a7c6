// Which files `asl-guard scan` picks, in which order, and how it reports paths it cannot read.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { discover, type DiscoveryFs } from '../../cli/src/discover';
import { assertNoStackTrace, BROKEN_TRANSITION, CLEAN, ensureBuilt, runCli, tempTree, type JsonReport } from './helpers';

before(() => ensureBuilt());

const YAML_MACHINE = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n';

function scannedPaths(args: string[], cwd: string): { code: number | null; paths: string[]; report: JsonReport; stderr: string } {
  const run = runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
  assertNoStackTrace(run);
  const report = JSON.parse(run.stdout) as JsonReport;
  return { code: run.code, paths: report.files.map((f) => f.path), report, stderr: run.stderr };
}

test('folders: *.asl.json/yaml/yml always; other .json/.yaml/.yml only with root StartAt and States; node_modules and dot-folders skipped', () => {
  const tree = tempTree({
    'flows/a.asl.json': BROKEN_TRANSITION,
    'flows/b.asl.yml': YAML_MACHINE,
    'flows/c.asl.yaml': 'not: a state machine\n',
    'flows/plain-machine.json': CLEAN,
    'flows/plain-machine.yaml': YAML_MACHINE,
    'flows/legacy.asl': CLEAN,
    'flows/package.json': '{"name":"x","version":"1.0.0"}',
    'flows/only-states.json': '{"States":{}}',
    'flows/nested-keys.json': '{"config":{"StartAt":"A","States":{}}}',
    'flows/workflow.yml': 'on: push\njobs: {}\n',
    'flows/notes.txt': CLEAN,
    'node_modules/dep/x.asl.json': BROKEN_TRANSITION,
    '.aws-sam/build/y.asl.json': BROKEN_TRANSITION,
    '.git/z.asl.json': BROKEN_TRANSITION,
  });
  try {
    const { code, paths } = scannedPaths(['.'], tree.dir);
    assert.equal(code, 0);
    assert.deepEqual(paths, [
      'flows/a.asl.json',
      'flows/b.asl.yml',
      'flows/c.asl.yaml',
      'flows/legacy.asl',
      'flows/plain-machine.json',
      'flows/plain-machine.yaml',
    ]);
  } finally {
    tree.cleanup();
  }
});

test('explicit files are always scanned, whatever their name; explicit dot-folders are walked', () => {
  const tree = tempTree({
    'notes.txt': BROKEN_TRANSITION,
    'package.json': '{"name":"x"}',
    '.github/flows/deploy.asl.json': CLEAN,
  });
  try {
    const { paths, report } = scannedPaths(['notes.txt', 'package.json', '.github'], tree.dir);
    assert.deepEqual(paths, ['notes.txt', 'package.json', join('.github', 'flows', 'deploy.asl.json')]);
    assert.ok(report.files[0].findings.some((f) => f.ruleId === 'ASL003'), 'notes.txt was analysed');
  } finally {
    tree.cleanup();
  }
});

test('order is deterministic (code-unit order within a folder) and a file named twice is scanned once', () => {
  const tree = tempTree({ 'B.asl.json': CLEAN, 'a.asl.json': CLEAN, 'a/z.asl.json': CLEAN, 'a-b.asl.json': CLEAN, '_.asl.json': CLEAN });
  try {
    const first = scannedPaths(['.', 'a.asl.json', './a/../a.asl.json'], tree.dir).paths;
    // Entry names are compared whole, in UTF-16 code-unit order (no locale): the folder `a` sorts
    // before `a-b.asl.json`, uppercase before `_` before lowercase.
    assert.deepEqual(first, ['B.asl.json', '_.asl.json', 'a/z.asl.json', 'a-b.asl.json', 'a.asl.json']);
    assert.deepEqual(scannedPaths(['.'], tree.dir).paths, first);
  } finally {
    tree.cleanup();
  }
});

test('symlink loops do not hang; a symlinked folder is walked once', () => {
  const tree = tempTree({ 'real/a.asl.json': CLEAN });
  try {
    symlinkSync('..', join(tree.dir, 'real', 'up'));
    symlinkSync(join(tree.dir, 'real'), join(tree.dir, 'alias'));
    mkdirSync(join(tree.dir, 'self'));
    symlinkSync('.', join(tree.dir, 'self', 'again'));
    const { code, paths } = scannedPaths(['.'], tree.dir);
    assert.equal(code, 0);
    // `alias` sorts first, so the file is found through it; the loops back up are cut.
    assert.deepEqual(paths, ['alias/a.asl.json']);
  } finally {
    tree.cleanup();
  }
});

test('a missing path, a path through a regular file and a dangling symlink: exit 2, one line each, the rest still scanned', () => {
  const tree = tempTree({ 'good.asl.json': BROKEN_TRANSITION, 'file.json': CLEAN });
  try {
    symlinkSync('nowhere.asl.json', join(tree.dir, 'dangling.asl.json'));
    const { code, report, stderr } = scannedPaths(['missing-dir', 'file.json/inner.asl.json', 'dangling.asl.json', 'good.asl.json'], tree.dir);
    assert.equal(code, 2);
    const lines = stderr.trim().split('\n');
    assert.deepEqual(lines, [
      'asl-guard: missing-dir: no such file or directory',
      'asl-guard: file.json/inner.asl.json: a part of the path is not a directory',
      'asl-guard: dangling.asl.json: no such file or directory',
    ]);
    const good = report.files.find((f) => f.path === 'good.asl.json');
    assert.ok(good && good.findings.length > 0 && good.error === undefined);
    assert.equal(report.files.filter((f) => f.error).length, 3);
  } finally {
    tree.cleanup();
  }
});

test('a dangling *.asl.json link inside a walked folder is reported; other dangling links are ignored', () => {
  const tree = tempTree({ 'ok.asl.json': CLEAN });
  try {
    symlinkSync('gone.asl.json', join(tree.dir, 'lost.asl.json'));
    symlinkSync('gone.txt', join(tree.dir, 'lost.txt'));
    const { code, stderr, paths } = scannedPaths(['.'], tree.dir);
    assert.equal(code, 2);
    assert.equal(stderr, 'asl-guard: lost.asl.json: no such file or directory\n');
    assert.ok(paths.includes('ok.asl.json'));
  } finally {
    tree.cleanup();
  }
});

test('an unreadable folder is an error (exit 2) and the readable files are still scanned', (t) => {
  // As root, chmod 000 does not stop reads, so the CLI runs as an unprivileged user when it can.
  const root = process.getuid?.() === 0;
  const tree = tempTree({ 'open/a.asl.json': BROKEN_TRANSITION, 'locked/b.asl.json': CLEAN });
  try {
    chmodSync(join(tree.dir, 'locked'), 0o000);
    const as = root ? { uid: 65534, gid: 65534 } : {};
    let probeCode: number | null = null;
    try {
      probeCode = runCli(['--version'], as).code;
    } catch {
      // spawn fails with EPERM where the container forbids switching users.
    }
    if (probeCode !== 0) {
      t.skip('cannot run the CLI as an unprivileged user here; the injected-fs test below covers this');
      return;
    }
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: tree.dir, ...as });
    assertNoStackTrace(run);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'asl-guard: locked: cannot read folder: permission denied\n');
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => [f.path, f.error ?? null]), [
      ['locked', 'cannot read folder: permission denied'],
      ['open/a.asl.json', null],
    ]);
  } finally {
    tree.cleanup();
  }
});

test('discover() reports a folder whose listing fails (injected fs) and carries on', () => {
  const dirs: Record<string, string[]> = { '/w': ['bad', 'good'], '/w/good': ['x.asl.json'] };
  const entry = (name: string, dir: boolean) => ({ name, isFile: () => !dir, isDirectory: () => dir, isSymbolicLink: () => false });
  const fs: DiscoveryFs = {
    statSync: (p) => ({ isFile: () => p.endsWith('.json'), isDirectory: () => !p.endsWith('.json'), size: 10 }),
    realpathSync: (p) => p,
    readdirSync: (p) => {
      if (p === '/w/bad') throw Object.assign(new Error(`EIO: i/o error, scandir '${p}'`), { code: 'EIO' });
      return (dirs[p] ?? []).map((n) => entry(n, !n.endsWith('.json')));
    },
  };
  const result = discover(['.'], '/w', fs);
  assert.deepEqual(result.problems, [{ path: 'bad', message: 'cannot read folder: input/output error' }]);
  assert.deepEqual(result.candidates, [{ path: '/w/good/x.asl.json', kind: 'named', size: 10 }]);
});
