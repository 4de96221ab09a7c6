// Strict argument parsing shared by the sub-commands: a mistake becomes one CliError line that
// points at the command's help.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, oneLine } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` with positionals allowed, unknown options rejected, errors as CliError. */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new CliError(`${oneLine(error instanceof Error ? error.message : String(error))} (see "asl-guard ${command} --help")`);
  }
}
