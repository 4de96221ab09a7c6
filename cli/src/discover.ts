// File discovery for `asl-guard scan`: expands the path arguments into the files to analyse, in a
// deterministic order. A walk never follows a symbolic link out of the folder it was asked to scan
// (a repository's `creds.asl.json -> ~/.aws/credentials`, `root -> /`) and visits each folder once.
import * as nodeFs from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { describeFsError } from './cli-error';

/** The few file-system calls discovery makes (node:fs satisfies it; tests inject failures). */
export interface DiscoveryFs {
  statSync(path: string): { isFile(): boolean; isDirectory(): boolean; size: number };
  readdirSync(path: string, options: { withFileTypes: true }): { name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }[];
  realpathSync(path: string): string;
}

/**
 * How a file was found: `explicit` (named on the command line) and `named` (`*.asl.json`,
 * `*.asl.yaml`, `*.asl.yml`) are always scanned; `sniff` (other `.json`/`.yaml`/`.yml`, and
 * `.asl` as some projects name JSON definitions) only when its root object has both `StartAt`
 * and `States`.
 */
export type CandidateKind = 'explicit' | 'named' | 'sniff';

export interface Candidate {
  /** Absolute path. */
  path: string;
  kind: CandidateKind;
  size: number;
}

export interface DiscoveryProblem {
  /** The path as the user typed it, or as found under a folder they named. */
  path: string;
  message: string;
}

export interface Discovery {
  candidates: Candidate[];
  problems: DiscoveryProblem[];
  /** Symbolic links a walk did not follow because they lead out of the scanned folder: notes, not errors. */
  skipped: DiscoveryProblem[];
}

/** The note for a link that leads out of the scanned folder. */
export const OUTSIDE_LINK = 'symbolic link to a path outside the scanned folder; not followed';

const NAMED = /\.asl\.(json|ya?ml)$/i;
const SNIFFABLE = /\.(json|ya?ml|asl)$/i;

/** True for folders a walk never enters: `node_modules` and every dot-folder (`.git`, `.aws-sam` ...). */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Code-unit order: the same on every machine and locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `path` is `folder` or inside it (both real paths). */
function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Expands path arguments: files are taken as given (a link named on the command line is the
 * user's choice), folders are walked (sorted, skipping `node_modules` and dot-folders). In a walk,
 * a symbolic link is followed only when its target lies inside the folder named on the command
 * line, and a folder or file reached twice (a link to it, a loop) is taken once. Problems (a
 * missing path, an unreadable folder) are collected, never thrown, so the other paths are still
 * scanned; links not followed are listed in `skipped`.
 * @example discover(['examples'], process.cwd()).candidates.map((c) => c.path)
 */
export function discover(paths: readonly string[], cwd: string, fs: DiscoveryFs = nodeFs): Discovery {
  const candidates = new Map<string, Candidate>();
  const problems: DiscoveryProblem[] = [];
  const skipped: DiscoveryProblem[] = [];
  const visited = new Set<string>();

  /** Keyed by real path, so a file reached through a link and by its own name is scanned once. */
  const add = (real: string, path: string, kind: CandidateKind, size: number): void => {
    const previous = candidates.get(real);
    if (!previous) candidates.set(real, { path, kind, size });
    else if (kind === 'explicit') previous.kind = 'explicit';
  };

  const walk = (dir: string, shown: string, root: string): void => {
    let real: string;
    let entries: ReturnType<DiscoveryFs['readdirSync']>;
    try {
      real = fs.realpathSync(dir);
      if (visited.has(real)) return; // a symlink back up the tree, or a folder named twice
      visited.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: shown, message: `cannot read folder: ${describeFsError(error)}` });
      return;
    }
    for (const entry of [...entries].sort((a, b) => byName(a.name, b.name))) {
      const path = join(dir, entry.name);
      const child = join(shown, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = -1;
      let target = join(real, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          target = fs.realpathSync(path);
          const stat = fs.statSync(target);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
          size = stat.size;
        } catch (error) {
          // A dangling link matters only where a definition was expected.
          if (NAMED.test(entry.name)) problems.push({ path: child, message: describeFsError(error) });
          continue;
        }
        const wanted = isDir ? !isSkippedFolder(entry.name) : isFile && SNIFFABLE.test(entry.name);
        if (!wanted) continue;
        if (!within(target, root)) {
          skipped.push({ path: child, message: OUTSIDE_LINK });
          continue;
        }
      }
      if (isDir) {
        if (!isSkippedFolder(entry.name)) walk(path, child, root);
      } else if (isFile && SNIFFABLE.test(entry.name)) {
        if (size < 0) size = sizeOf(fs, path);
        add(target, path, NAMED.test(entry.name) ? 'named' : 'sniff', size);
      }
    }
  };

  for (const arg of paths) {
    const path = resolve(cwd, arg);
    let stat: ReturnType<DiscoveryFs['statSync']>;
    try {
      stat = fs.statSync(path);
    } catch (error) {
      problems.push({ path: arg, message: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) walk(path, arg, realOf(fs, path));
    else if (stat.isFile()) add(realOf(fs, path), path, 'explicit', stat.size);
    else problems.push({ path: arg, message: 'not a regular file or folder' });
  }
  return { candidates: [...candidates.values()], problems, skipped };
}

/** The real path (links resolved), or the path itself when that fails (reading it later says why). */
function realOf(fs: DiscoveryFs, path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}

/** The size of a file, or -1 when it cannot be read (reading it later reports why). */
function sizeOf(fs: DiscoveryFs, path: string): number {
  try {
    return fs.statSync(path).size;
  } catch {
    return -1;
  }
}
