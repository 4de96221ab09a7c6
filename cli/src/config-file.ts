// Configuration for `asl-guard scan`: finds `.asl-guard.json` (working directory, then ancestors up
// to the repository root) or reads the file given with --config, and checks it with core's loadConfig.
// Reading is server/src/config-file.ts's (one reader of hostile files), parsing core's.
import { lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig, parseConfigText, type ResolvedConfig } from '../../core';
import { readConfigSource } from '../../server/src/config-file';
import { CliError, describeFsError } from './cli-error';

export const CONFIG_FILE_NAME = '.asl-guard.json';

export interface LoadedConfig {
  /** Absolute path of the file read, or undefined when there was none. */
  path: string | undefined;
  config: ResolvedConfig | undefined;
  /** Unknown rules, bad levels and options: printed as warnings, not fatal. */
  problems: string[];
}

/** A discovered configuration file and the folder it must not leave (the repository, else its own folder). */
export interface FoundConfig {
  path: string;
  root: string;
}

const exists = (path: string) => lstatSync(path, { throwIfNoEntry: false }) !== undefined;

/**
 * The nearest `.asl-guard.json` in `start` or its ancestors. The search stops at a folder that
 * holds `.git` (the repository root: a config above it belongs to something else) and at the
 * file-system root. A dangling symbolic link counts as found, so that it is reported.
 */
export function findConfigFile(start: string): FoundConfig | undefined {
  let dir = resolve(start);
  let found: string | undefined;
  for (;;) {
    if (found === undefined && exists(join(dir, CONFIG_FILE_NAME))) found = join(dir, CONFIG_FILE_NAME);
    if (exists(join(dir, '.git'))) return found === undefined ? undefined : { path: found, root: dir };
    const parent = dirname(dir);
    if (parent === dir) return found === undefined ? undefined : { path: found, root: dirname(found) };
    dir = parent;
  }
}

/**
 * Reads and validates a configuration file. An unreadable, refused or invalid file throws a
 * CliError (exit code 2); problems with its content are returned for the caller to print.
 * Comments and trailing commas are allowed, as in VS Code settings. A discovered file must stay
 * inside `root`; a file named with --config (`root` undefined) may be anywhere, even a pipe.
 */
export function readConfigFile(path: string, root?: string): LoadedConfig {
  const source = readConfigSource(path, root === undefined ? { special: true } : { within: { folder: root, name: 'the repository' } });
  if (source.kind === 'missing') throw new CliError(`cannot read config file ${path}: no such file or directory`);
  if (source.kind === 'failed') throw new CliError(`cannot read config file ${path}: ${describeFsError(source.error)}`);
  if (source.kind === 'refused') throw new CliError(`config file ${path} ${source.reason}${root === undefined ? '' : ' (name a file with --config to use it anyway)'}`);
  const parsed = parseConfigText(source.text);
  if (!parsed.ok) {
    const at = parsed.at ? `:${parsed.at.line + 1}:${parsed.at.character + 1}` : '';
    throw new CliError(`config file ${path}${at} ${parsed.problem}`);
  }
  const { config, problems } = loadConfig(parsed.value);
  return { path, config, problems };
}

/** The explicit --config file, else the discovered one, else no configuration. */
export function resolveConfigFile(explicit: string | undefined, cwd: string): LoadedConfig {
  if (explicit !== undefined) return readConfigFile(resolve(cwd, explicit));
  const found = findConfigFile(cwd);
  if (found === undefined) return { path: undefined, config: undefined, problems: [] };
  return readConfigFile(found.path, found.root);
}
