// Symbolic links out of the scanned folder, with real links in a temp folder: a file link to
// credentials, a folder link, a link to /, a cycle. None is followed by a walk, each is one note on
// stderr (not an error); links inside the folder are followed once; a link named on the command line is read.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { discover } from '../../cli/src/discover';
import { assertNoStackTrace, BROKEN_TRANSITION, ensureBuilt, runCli, tempTree, type JsonReport } from './helpers';

before(() => ensureBuilt());

const POSIX = process.platform !== 'win32';
// A made-up key pair in the shape of ~/.aws/credentials.
const KEY_ID = 'AKIAQ7TESTKEYEXAMPLE';
const SECRET = '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';
const CREDENTIALS = `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`;

function scan(cwd: string, ...args: string[]) {
  const run = runCli(['scan', ...args], { cwd, timeout: 60_000 });
  assertNoStackTrace(run);
  return run;
}

test('links out of the scanned folder are not followed: credentials, a folder, /; one note each, exit 0', { skip: !POSIX && 'POSIX links' }, () => {
  const tree = tempTree({ 'home/.aws/credentials': CREDENTIALS, 'outside/x.asl.json': BROKEN_TRANSITION, 'repo/ok.asl.json': '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' });
  try {
    const repo = join(tree.dir, 'repo');
    symlinkSync('../home/.aws/credentials', join(repo, 'creds.asl.json'));
    symlinkSync('../outside', join(repo, 'ext'));
    symlinkSync('/', join(repo, 'root'));
    const started = Date.now();
    const run = scan(repo, '.');
    assert.ok(Date.now() - started < 20_000, 'the file system is not walked');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, [
      'asl-guard: note: creds.asl.json: symbolic link to a path outside the scanned folder; not followed',
      'asl-guard: note: ext: symbolic link to a path outside the scanned folder; not followed',
      'asl-guard: note: root: symbolic link to a path outside the scanned folder; not followed',
      '',
    ].join('\n'));
    assert.equal(run.stdout, 'No problems found in 1 file. 3 symbolic links out of the scanned folder not followed (listed on stderr).\n');
    for (const piece of [KEY_ID.slice(4), SECRET.slice(0, 8), SECRET.slice(-8)]) assert.ok(!run.stdout.includes(piece) && !run.stderr.includes(piece), `${piece} printed`);

    const sarif = JSON.parse(scan(repo, '.', '--format', 'sarif').stdout);
    const invocation = sarif.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, true, 'notes are not failures');
    assert.deepEqual(invocation.toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => `${n.level} ${n.message.text}`), [
      'note creds.asl.json: symbolic link to a path outside the scanned folder; not followed',
      'note ext: symbolic link to a path outside the scanned folder; not followed',
      'note root: symbolic link to a path outside the scanned folder; not followed',
    ]);
  } finally {
    tree.cleanup();
  }
});

test('a link named on the command line is the user\'s choice and is read', { skip: !POSIX && 'POSIX links' }, () => {
  const tree = tempTree({ 'outside/x.asl.json': BROKEN_TRANSITION, 'repo/.keep': '' });
  try {
    const repo = join(tree.dir, 'repo');
    symlinkSync('../outside/x.asl.json', join(repo, 'x.asl.json'));
    symlinkSync('../outside', join(repo, 'ext'));
    const file = scan(repo, 'x.asl.json', '--format', 'json');
    assert.deepEqual((JSON.parse(file.stdout) as JsonReport).files.map((f) => f.path), ['x.asl.json']);
    // A folder named through a link is the scan root itself: walked.
    const folder = scan(repo, 'ext', '--format', 'json');
    assert.deepEqual((JSON.parse(folder.stdout) as JsonReport).files.map((f) => f.path), [join('ext', 'x.asl.json')]);
    assert.equal(folder.stderr, '');
  } finally {
    tree.cleanup();
  }
});

test('links inside the folder are followed once; cycles end; no note for them', { skip: !POSIX && 'POSIX links' }, () => {
  const tree = tempTree({ 'a/m.asl.json': BROKEN_TRANSITION, 'b/.keep': '' });
  try {
    const dir = tree.dir;
    symlinkSync('../a', join(dir, 'b', 'a-again')); // a folder reached twice
    symlinkSync('../a/m.asl.json', join(dir, 'b', 'm-link.asl.json')); // a file reached twice
    symlinkSync('..', join(dir, 'a', 'up')); // a cycle
    symlinkSync('loop2', join(dir, 'loop1.asl.json'));
    symlinkSync('loop1.asl.json', join(dir, 'loop2'));
    const { candidates, problems, skipped } = discover(['.'], dir);
    assert.deepEqual(candidates.map((c) => c.path), [join(dir, 'a', 'm.asl.json')]);
    assert.deepEqual(skipped, []);
    assert.deepEqual(problems, [{ path: 'loop1.asl.json', message: 'too many levels of symbolic links' }], 'a link loop under a definition name is an error, as a dangling one is');
  } finally {
    tree.cleanup();
  }
});

test('a link out is judged against the folder on the command line, not the subfolder it sits in', { skip: !POSIX && 'POSIX links' }, () => {
  const tree = tempTree({ 'repo/defs/m.asl.json': BROKEN_TRANSITION, 'repo/sub/.keep': '' });
  try {
    symlinkSync('../defs', join(tree.dir, 'repo', 'sub', 'defs'));
    const inside = discover(['repo'], tree.dir);
    assert.deepEqual(inside.candidates.map((c) => c.path), [join(tree.dir, 'repo', 'defs', 'm.asl.json')]);
    const narrower = discover([join('repo', 'sub')], tree.dir);
    assert.deepEqual(narrower.candidates, []);
    assert.deepEqual(narrower.skipped, [{ path: join('repo', 'sub', 'defs'), message: 'symbolic link to a path outside the scanned folder; not followed' }]);
  } finally {
    tree.cleanup();
  }
});
