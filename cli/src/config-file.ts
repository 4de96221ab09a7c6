// Configuration for `asl-guard scan`: finds `.asl-guard.json` (working directory, then ancestors up
// to the repository root) or reads the file given with --config, and checks it with core's loadConfig.
import * as nodeFs from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex, loadConfig, type ResolvedConfig } from '../../core';
import { CliError, describeFsError } from './cli-error';

export const CONFIG_FILE_NAME = '.asl-guard.json';

/** The file-system calls config discovery makes. */
export interface ConfigFs {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

export interface LoadedConfig {
  /** Absolute path of the file read, or undefined when there was none. */
  path: string | undefined;
  config: ResolvedConfig | undefined;
  /** Unknown rules, bad levels and options: printed as warnings, not fatal. */
  problems: string[];
}

/**
 * The nearest `.asl-guard.json` in `start` or its ancestors. The search stops at a folder that
 * holds `.git` (the repository root: a config above it belongs to something else) and at the
 * file-system root.
 */
export function findConfigFile(start: string, fs: ConfigFs = nodeFs): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads and validates a configuration file. An unreadable file or invalid JSON throws a
 * CliError (exit code 2); problems with its content are returned for the caller to print.
 * Comments and trailing commas are allowed, as in VS Code settings.
 */
export function readConfigFile(path: string, fs: ConfigFs = nodeFs): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read config file ${path}: ${describeFsError(error)}`);
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const first = errors[0];
    const at = new LineIndex(text).positionAt(first.offset);
    throw new CliError(`invalid JSON in config file ${path}:${at.line + 1}:${at.character + 1}: ${printParseErrorCode(first.error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`config file ${path} must hold a JSON object such as { "rules": { "SEC001": "off" } }`);
  }
  const { config, problems } = loadConfig(value);
  return { path, config, problems };
}

/** The explicit --config file, else the discovered one, else no configuration. */
export function resolveConfigFile(explicit: string | undefined, cwd: string, fs: ConfigFs = nodeFs): LoadedConfig {
  const path = explicit !== undefined ? resolve(cwd, explicit) : findConfigFile(cwd, fs);
  if (path === undefined) return { path: undefined, config: undefined, problems: [] };
  return readConfigFile(path, fs);
}
