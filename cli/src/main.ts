// Entry point of the `asl-guard` command: global flags, dispatch through the command table, exit
// codes (0 clean, 1 findings, 2 usage/I-O error or bug) and the last-resort error handler.
import type { CommandIo } from './command';
import { CliError, oneLine } from './cli-error';
import { COMMANDS } from './commands';
import { BUGS_URL, VERSION } from './version';
import { escapeControl } from './terminal-text';
import { setV8Flags } from './v8-flags';

/** The text of `asl-guard --help`. */
export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `asl-guard ${VERSION}: find security mistakes in AWS Step Functions definitions (Amazon States Language).`,
    '',
    'Usage: asl-guard <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show this help (or `asl-guard <command> --help` for a command).',
    '  -v, --version  Print the version.',
    '',
    'Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or I/O error.',
    '',
  ].join('\n');
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code. Throws
 * nothing: usage errors and bugs both become a one-line message on stderr and exit code 2.
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      // Whole, but escaped: a CliError may quote a path with a newline in its name.
      io.stderr(`asl-guard: ${escapeControl(error.message.trim())}\n`);
    } else {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      io.stderr(`asl-guard: internal error (this is a bug in asl-guard ${VERSION}; please report it at ${BUGS_URL}): ${escapeControl(oneLine(message))}\n`);
    }
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(globalHelp());
    return 2;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS.find((c) => c.name === topic);
    if (topic !== undefined && !command) throw new CliError(`unknown command "${topic}"; run "asl-guard --help" for the list`);
    io.stdout(command ? (await command.load()).help : globalHelp());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const hint = first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`;
    throw new CliError(`${hint}; run "asl-guard --help" for usage`);
  }
  return (await command.load()).run(rest, io);
}

function start(): void {
  setV8Flags();
  // A reader that closes the pipe early (`asl-guard scan . | head`) is not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    process.stderr.write('asl-guard: the current directory no longer exists\n');
    process.exitCode = 2;
    return;
  }
  const io: CommandIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd,
  };
  // exitCode rather than process.exit(): a large report on a pipe must drain before the process ends.
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) start();
