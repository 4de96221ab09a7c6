// Where the language server's Node compile cache lives: in the extension's own storage, created
// for this user only. A folder under the shared /tmp could be created first by another local user,
// who could then plant compiled code that the server would load.
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `<storageDir>/node-compile-cache`, created with mode 0700 (and set back to 0700 if it is
 * wider), or undefined when it cannot be made safe: it is not a real folder (a planted link) or
 * another user owns it. Then the server runs without a compile cache.
 * @example compileCacheDir(context.globalStorageUri.fsPath) // ~/.config/Code/User/globalStorage/asl-guard.asl-guard/node-compile-cache
 */
export function compileCacheDir(storageDir: string): string | undefined {
  const dir = join(storageDir, 'node-compile-cache');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return undefined;
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
    return dir;
  } catch {
    return undefined;
  }
}
