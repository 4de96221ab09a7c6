// The language server's Node compile cache (client/src/compile-cache.ts): a 0700 folder in the
// extension's own storage, never a shared tmp folder another local user could have created first.
// The extension-host tests (test/exthost) check the folder the running server really uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCacheDir } from '../../client/src/compile-cache';

const POSIX = process.platform !== 'win32';

function storage(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'asl-guard-storage-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('the cache folder is created inside the storage folder, for this user only', () => {
  const s = storage();
  try {
    const dir = compileCacheDir(join(s.dir, 'globalStorage', 'asl-guard.asl-guard'));
    assert.equal(dir, join(s.dir, 'globalStorage', 'asl-guard.asl-guard', 'node-compile-cache'));
    if (POSIX) assert.equal(statSync(dir!).mode & 0o777, 0o700);
  } finally {
    s.cleanup();
  }
});

test('a folder left wider than 0700 is narrowed; a planted link or another user\'s folder is refused', { skip: !POSIX && 'POSIX modes' }, () => {
  const s = storage();
  try {
    const wide = join(s.dir, 'wide');
    mkdirSync(join(wide, 'node-compile-cache'), { recursive: true });
    chmodSync(join(wide, 'node-compile-cache'), 0o777);
    assert.equal(compileCacheDir(wide), join(wide, 'node-compile-cache'));
    assert.equal(statSync(join(wide, 'node-compile-cache')).mode & 0o777, 0o700);

    const planted = join(s.dir, 'planted');
    mkdirSync(join(s.dir, 'elsewhere'));
    mkdirSync(planted);
    symlinkSync(join(s.dir, 'elsewhere'), join(planted, 'node-compile-cache'));
    assert.equal(compileCacheDir(planted), undefined, 'a link is not followed');

    if (process.getuid?.() === 0) {
      const foreign = join(s.dir, 'foreign');
      mkdirSync(join(foreign, 'node-compile-cache'), { recursive: true });
      chownSync(join(foreign, 'node-compile-cache'), 65534, 65534);
      assert.equal(compileCacheDir(foreign), undefined, 'another user owns it');
    }
  } finally {
    s.cleanup();
  }
});

test('the client takes the cache folder from its own storage, never from os.tmpdir()', () => {
  const source = readFileSync(join(__dirname, '..', '..', 'client', 'src', 'extension.ts'), 'utf8');
  assert.match(source, /compileCacheDir\(context\.globalStorageUri\.fsPath\)/);
  assert.doesNotMatch(source, /tmpdir|\/tmp/);
});
