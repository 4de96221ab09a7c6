// What every sub-command of `asl-guard` provides, and the I/O it is given (injectable for tests).

/** Where a command writes and which directory it treats as the working directory. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

/** A loaded command: its help text and its entry point, which returns the process exit code. */
export interface CommandModule {
  help: string;
  run(argv: string[], io: CommandIo): Promise<number>;
}

/**
 * One row of the command table. The module is loaded only when the command runs, so
 * `asl-guard --help` and `--version` do not load the analysis engine.
 */
export interface CommandEntry {
  name: string;
  /** One line for `asl-guard --help`. */
  summary: string;
  load(): Promise<CommandModule>;
}
