// Reads `.asl-guard.json`, which comes with the repository and so may be hostile: only a regular
// file, at most 1 MB, not through a symbolic link that leaves the folder. The one Node-side reader
// of configuration files: the CLI imports it too (cli/src/config-file.ts); parsing is core's.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfigText } from '../../core';
import { CONFIG_FILE_NAME } from '../../protocol';

/** Larger configuration files are refused (a real one is a few hundred bytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** What reading a configuration file gave: its text, nothing (no such file), or why it was refused. */
export type ConfigSource =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  /** `reason` completes "<path> …", e.g. "is not a regular file". */
  | { kind: 'refused'; reason: string }
  /** A file-system call failed (permission denied …): the caller words `error`. */
  | { kind: 'failed'; error: unknown };

export interface ConfigSourceOptions {
  /** Refuse a file whose real path (symbolic links resolved) is outside this folder. */
  within?: { folder: string; name: string };
  /** Also read FIFOs and devices (a --config the user named, e.g. a shell's `<(…)`), still bounded. */
  special?: boolean;
}

/**
 * Reads a configuration file without trusting it: the real path must stay `within` the folder,
 * the file must be a regular file (unless `special`) and at most {@link MAX_CONFIG_BYTES}, and
 * its bytes UTF-8. A FIFO is opened without blocking, so a hostile one cannot hang the reader.
 */
export function readConfigSource(path: string, options: ConfigSourceOptions = {}): ConfigSource {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? { kind: 'refused', reason: 'is a symbolic link to a file that does not exist' } : { kind: 'missing' };
    }
    if (code === 'ELOOP') return { kind: 'refused', reason: 'is a loop of symbolic links' };
    return { kind: 'failed', error };
  }
  if (options.within && !isInside(real, realOrSelf(options.within.folder))) {
    return { kind: 'refused', reason: `is a symbolic link to a file outside ${options.within.name}; it is not followed` };
  }
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | (options.special ? 0 : (constants.O_NONBLOCK ?? 0)) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { kind: 'refused', reason: 'is a directory' };
    return { kind: 'failed', error };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { kind: 'refused', reason: 'is a directory' };
    if (!stat.isFile() && !options.special) return { kind: 'refused', reason: 'is not a regular file (a device, FIFO or socket)' };
    if (stat.size > MAX_CONFIG_BYTES) return { kind: 'refused', reason: tooLarge() };
    // The size a stat reports is not a promise (a device, a file that grows): read to the limit, no further.
    let buffer = Buffer.alloc(Math.min(MAX_CONFIG_BYTES, Math.max(stat.size, 64 * 1024)) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_CONFIG_BYTES) return { kind: 'refused', reason: tooLarge() };
        const bigger = Buffer.alloc(MAX_CONFIG_BYTES + 1);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return decode(buffer.subarray(0, length));
      length += read;
    }
  } catch (error) {
    return { kind: 'failed', error };
  } finally {
    closeSync(fd);
  }
}

const tooLarge = () => `is larger than ${MAX_CONFIG_BYTES / (1024 * 1024)} MB; a configuration file is a few hundred bytes`;

function decode(bytes: Uint8Array): ConfigSource {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'refused', reason: 'is not UTF-8 text' };
  }
}

function realOrSelf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** What reading one workspace folder's `.asl-guard.json` gave. */
export interface ConfigFile {
  /** Absolute path of the file that was looked for. */
  path: string;
  /** The parsed content, or undefined when the file was refused or is not valid. */
  content: unknown;
  /** Why the file is ignored (a missing file is not a problem). */
  problems: string[];
}

/** Reads `<folder>/.asl-guard.json`; never throws. Comments and trailing commas are accepted. */
export function readConfigFile(folderUri: string): ConfigFile | undefined {
  let folder: string;
  try {
    if (!folderUri.startsWith('file:')) return undefined;
    folder = fileURLToPath(folderUri);
  } catch {
    return undefined;
  }
  const path = join(folder, CONFIG_FILE_NAME);
  const source = readConfigSource(path, { within: { folder, name: 'the workspace folder' } });
  if (source.kind === 'missing') return undefined;
  if (source.kind === 'refused') return { path, content: undefined, problems: [`${source.reason}; it is ignored.`] };
  if (source.kind === 'failed') return { path, content: undefined, problems: [`cannot be read (${(source.error as NodeJS.ErrnoException).code ?? 'error'}); it is ignored.`] };
  const parsed = parseConfigText(source.text);
  if (!parsed.ok) {
    const at = parsed.at ? ` at line ${parsed.at.line + 1}, column ${parsed.at.character + 1}` : '';
    return { path, content: undefined, problems: [`${parsed.problem}${at}; it is ignored.`] };
  }
  return { path, content: parsed.value, problems: [] };
}
