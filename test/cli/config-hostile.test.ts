// A hostile `.asl-guard.json` (it comes with the repository being scanned): a link to /dev/zero,
// a FIFO, a huge file, a link out of the repository, 10^5 levels of nesting. Each is one clear
// line and exit 2, quickly; never a hang, an abort or an internal error.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoStackTrace, BROKEN_TRANSITION, ensureBuilt, runCli, tempTree } from './helpers';

before(() => ensureBuilt());

const POSIX = process.platform !== 'win32';

/** Runs a scan of `.` in `cwd` with a 20 s limit (the unbounded read took minutes and 17 GB). */
function scanIn(cwd: string, ...args: string[]) {
  const started = Date.now();
  const run = runCli(['scan', '.', ...args], { cwd, timeout: 20_000 });
  assertNoStackTrace(run);
  return { ...run, ms: Date.now() - started };
}

test('a discovered .asl-guard.json that links to /dev/zero is refused at once', { skip: !POSIX && 'no /dev/zero' }, () => {
  const tree = tempTree({ 'a.asl.json': BROKEN_TRANSITION });
  try {
    symlinkSync('/dev/zero', join(tree.dir, '.asl-guard.json'));
    const run = scanIn(tree.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^asl-guard: config file .*\.asl-guard\.json is a symbolic link to a file outside the repository; it is not followed \(name a file with --config to use it anyway\)\n$/);
    assert.ok(run.ms < 10_000, `${run.ms} ms`);
  } finally {
    tree.cleanup();
  }
});

test('--config /dev/zero is the user\'s choice, but still read only up to the 1 MB limit', { skip: !POSIX && 'no /dev/zero' }, () => {
  const tree = tempTree({ 'a.asl.json': BROKEN_TRANSITION });
  try {
    const run = scanIn(tree.dir, '--config', '/dev/zero');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^asl-guard: config file \/dev\/zero is larger than 1 MB; a configuration file is a few hundred bytes\n$/);
  } finally {
    tree.cleanup();
  }
});

test('a FIFO, a folder or a 2 MB file as .asl-guard.json: not read (no hang on the FIFO)', { skip: !POSIX && 'no mkfifo' }, () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ['FIFO', (path) => assert.equal(spawnSync('mkfifo', [path]).status, 0), /is not a regular file \(a device, FIFO or socket\)/],
    ['folder', (path) => mkdirSync(path), /is a directory/],
    ['2 MB file', (path) => writeFileSync(path, `{"rules": {}, "pad": "${'x'.repeat(2 * 1024 * 1024)}"}`), /is larger than 1 MB/],
  ];
  for (const [name, make, message] of cases) {
    const tree = tempTree({ 'a.asl.json': BROKEN_TRANSITION });
    try {
      make(join(tree.dir, '.asl-guard.json'));
      const run = scanIn(tree.dir);
      assert.equal(run.code, 2, name);
      assert.match(run.stderr, message, name);
      assert.equal(run.stderr.split('\n').length, 2, `${name}: one line`);
    } finally {
      tree.cleanup();
    }
  }
});

test('a link inside the repository is followed; a link out of it is not', { skip: !POSIX && 'symlinks' }, () => {
  const tree = tempTree({
    'outside/asl-guard.json': '{ "rules": { "ASL003": "off" } }',
    'repo/config/asl-guard.json': '{ "rules": { "ASL003": "off" } }',
    'repo/a.asl.json': BROKEN_TRANSITION,
  });
  try {
    const repo = join(tree.dir, 'repo');
    mkdirSync(join(repo, '.git'));
    symlinkSync('config/asl-guard.json', join(repo, '.asl-guard.json'));
    const inside = scanIn(repo, '--format', 'json');
    assert.equal(inside.code, 0, inside.stderr);
    symlinkSync('../outside', join(repo, 'out'));
    const nested = join(repo, 'sub');
    mkdirSync(nested);
    symlinkSync('../out/asl-guard.json', join(nested, '.asl-guard.json'));
    const outside = scanIn(nested);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /sub\/\.asl-guard\.json is a symbolic link to a file outside the repository/);
  } finally {
    tree.cleanup();
  }
});

test('10^5 levels of nesting: a clear message with the position, not "internal error RangeError"', () => {
  const depth = 100_000;
  const tree = tempTree({ '.asl-guard.json': `{"rules": ${'['.repeat(depth)}${']'.repeat(depth)}}`, 'a.asl.json': BROKEN_TRANSITION });
  try {
    const run = scanIn(tree.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^asl-guard: config file .*\.asl-guard\.json:1:74 is nested more than 64 levels deep\n$/);
    assert.doesNotMatch(run.stderr, /internal error|RangeError/);
  } finally {
    tree.cleanup();
  }
});

test('a config with a byte order mark and comments is read', () => {
  const tree = tempTree({ '.asl-guard.json': '\uFEFF// CI\n{ "rules": { "ASL003": "off" }, }', 'a.asl.json': BROKEN_TRANSITION });
  try {
    const run = scanIn(tree.dir);
    assert.equal(run.code, 0, run.stderr);
  } finally {
    tree.cleanup();
  }
});
