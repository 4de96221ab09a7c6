// `asl-guard scan <paths...>`: discovers definitions, analyses each with the engine, prints a text,
// JSON or SARIF report and turns the findings into an exit code.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { atLeast, listRules, type Severity } from '../../../core';
import { parseCommandArgs } from '../args';
import { CliError, describeFsError } from '../cli-error';
import type { CommandIo } from '../command';
import { resolveConfigFile } from '../config-file';
import { discover } from '../discover';
import { relativeInside } from '../paths';
import { renderJson } from '../reporters/json';
import { renderSarif } from '../reporters/sarif';
import { renderText } from '../reporters/text';
import type { FileReport, Reporter } from '../reporters/types';
import { scanFile } from '../scan-file';
import { escapeControl } from '../terminal-text';
import { formatBytes, MAX_FILE_BYTES } from '../source';
import { VERSION } from '../version';

const REPORTERS: Record<string, Reporter> = { text: renderText, json: renderJson, sarif: renderSarif };
const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

export const help = `Usage: asl-guard scan <paths...> [options]

Scans Amazon States Language definitions. A folder is searched recursively (skipping node_modules
and dot-folders) for *.asl.json, *.asl.yaml, *.asl.yml, and for .json/.yaml/.yml/.asl files whose
root object has both StartAt and States. Files named on the command line are always scanned; a
symbolic link that leads out of a folder being scanned is not followed (a note says so).

Options:
  -f, --format <text|json|sarif>           Report format (default: text).
      --fail-on <error|warning|info|none>  Exit with 1 when a finding is at least this severe
                                           (default: error; none never fails).
  -c, --config <file>                      Configuration file (default: the nearest .asl-guard.json
                                           in this folder or above, up to the repository root).
  -o, --output <file>                      Write the report to a file instead of stdout.
  -h, --help                               Show this help.

Files over ${formatBytes(MAX_FILE_BYTES)} are reported, not read. Silence one finding with
"Comment": "asl-guard-disable SEC001" on the state (kept in SARIF as a suppression).

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or I/O error.
`;

interface ScanOptions {
  paths: string[];
  format: string;
  failOn: FailOn;
  config: string | undefined;
  output: string | undefined;
  help: boolean;
}

function parseScanArgs(argv: string[]): ScanOptions {
  const { values, positionals } = parseCommandArgs('scan', argv, {
    format: { type: 'string', short: 'f', default: 'text' },
    'fail-on': { type: 'string', default: 'error' },
    config: { type: 'string', short: 'c' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const format = String(values.format).toLowerCase();
  const failOn = String(values['fail-on']).toLowerCase();
  if (!values.help) {
    if (!Object.hasOwn(REPORTERS, format)) throw new CliError(`--format must be one of ${Object.keys(REPORTERS).join(', ')}, not "${values.format}"`);
    if (!FAIL_ON.includes(failOn as FailOn)) throw new CliError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${values['fail-on']}"`);
    if (!positionals.length) throw new CliError('scan needs at least one file or folder, e.g. "asl-guard scan ."');
  }
  return { paths: positionals, format, failOn: failOn as FailOn, config: values.config, output: values.output, help: values.help === true };
}

/** How a path is shown: relative to the working directory when inside it, else as it is. */
function shownPath(absolutePath: string, cwd: string): string {
  return relativeInside(absolutePath, cwd) ?? absolutePath;
}

/** Runs `asl-guard scan`; returns the exit code. */
export async function run(argv: string[], io: CommandIo): Promise<number> {
  const options = parseScanArgs(argv);
  if (options.help) {
    io.stdout(help);
    return 0;
  }
  const loaded = resolveConfigFile(options.config, io.cwd);
  for (const problem of loaded.problems) io.stderr(`asl-guard: warning: ${escapeControl(`${shownPath(loaded.path ?? '', io.cwd)}: ${problem}`)}\n`);

  const { candidates, problems, skipped } = discover(options.paths, io.cwd);
  for (const link of skipped) io.stderr(`asl-guard: note: ${escapeControl(`${link.path}: ${link.message}`)}\n`);
  const files: FileReport[] = problems.map((p) => ({ path: p.path, absolutePath: undefined, findings: [], error: p.message }));
  for (const candidate of candidates) {
    const report = scanFile(candidate, shownPath(candidate.path, io.cwd), { config: loaded.config });
    if (report) files.push(report);
  }
  for (const file of files) if (file.error !== undefined) io.stderr(`asl-guard: ${escapeControl(`${file.path}: ${file.error}`)}\n`);

  const text = REPORTERS[options.format](files, { rules: listRules(), cwd: io.cwd, version: VERSION, skipped });
  if (options.output === undefined) io.stdout(text);
  else {
    try {
      writeFileSync(resolve(io.cwd, options.output), text);
    } catch (error) {
      throw new CliError(`cannot write ${options.output}: ${describeFsError(error)}`);
    }
  }
  return exitCode(files, options.failOn);
}

/** 2 when any path could not be scanned, else 1 when a visible finding reaches the threshold, else 0. */
export function exitCode(files: readonly FileReport[], failOn: FailOn): number {
  if (files.some((f) => f.error !== undefined)) return 2;
  if (failOn === 'none') return 0;
  const threshold: Severity = failOn;
  return files.some((f) => f.findings.some((x) => !x.suppressed && atLeast(x.severity, threshold))) ? 1 : 0;
}
