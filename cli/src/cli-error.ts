// Errors the CLI reports to the user as one line (exit code 2), and short wording for file-system
// failures, so that no stack trace ever reaches the terminal.

/** A usage, configuration or I/O problem the user can act on: printed as one line, exit code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

const FS_MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/**
 * A short, single-line description of a failed file-system call.
 * @example describeFsError(Object.assign(new Error('x'), { code: 'ENOENT' })) === 'no such file or directory'
 */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_MESSAGES[code]) return FS_MESSAGES[code];
  return oneLine(error instanceof Error ? error.message : String(error));
}

/** The first line of a message, trimmed: what the CLI prints for an error. */
export function oneLine(message: string): string {
  return message.split(/\r?\n/, 1)[0].trim();
}
