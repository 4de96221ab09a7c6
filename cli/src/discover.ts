// File discovery for `asl-guard scan`: expands the path arguments into the files to analyse, in a
// deterministic order, without following a symlink loop forever. The file system is injectable.
import * as nodeFs from 'node:fs';
import { join, resolve } from 'node:path';
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
}

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

/**
 * Expands path arguments: files are taken as given, folders are walked (sorted, skipping
 * `node_modules` and dot-folders). Problems (a missing path, an unreadable folder) are collected,
 * never thrown, so the other paths are still scanned.
 * @example discover(['examples'], process.cwd()).candidates.map((c) => c.path)
 */
export function discover(paths: readonly string[], cwd: string, fs: DiscoveryFs = nodeFs): Discovery {
  const candidates = new Map<string, Candidate>();
  const problems: DiscoveryProblem[] = [];
  const visited = new Set<string>();

  const add = (path: string, kind: CandidateKind, size: number): void => {
    const previous = candidates.get(path);
    if (!previous) candidates.set(path, { path, kind, size });
    else if (kind === 'explicit') previous.kind = 'explicit';
  };

  const walk = (dir: string, shown: string): void => {
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
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
          size = target.size;
        } catch (error) {
          // A dangling link matters only where a definition was expected.
          if (NAMED.test(entry.name)) problems.push({ path: child, message: describeFsError(error) });
          continue;
        }
      }
      if (isDir) {
        if (!isSkippedFolder(entry.name)) walk(path, child);
      } else if (isFile && (NAMED.test(entry.name) || SNIFFABLE.test(entry.name))) {
        if (size < 0) size = sizeOf(fs, path);
        add(path, NAMED.test(entry.name) ? 'named' : 'sniff', size);
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
    if (stat.isDirectory()) walk(path, arg);
    else if (stat.isFile()) add(path, 'explicit', stat.size);
    else problems.push({ path: arg, message: 'not a regular file or folder' });
  }
  return { candidates: [...candidates.values()], problems };
}

/** The size of a file, or -1 when it cannot be read (reading it later reports why). */
function sizeOf(fs: DiscoveryFs, path: string): number {
  try {
    return fs.statSync(path).size;
  } catch {
    return -1;
  }
}
