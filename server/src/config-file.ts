// Reads `.asl-guard.json` from a workspace folder. The server is an adapter, so file access lives
// here and not in core; the file's content is validated by core's loadConfig like the settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CONFIG_FILE_NAME } from '../../protocol';

/** What reading one `.asl-guard.json` gave. */
export interface ConfigFile {
  /** Absolute path of the file that was looked for. */
  path: string;
  /** The parsed content, or undefined when the file is missing or unreadable. */
  content: unknown;
  /** Problems reading or parsing the file (a missing file is not a problem). */
  problems: string[];
}

/** Reads `<folder>/.asl-guard.json`; never throws. Comments and trailing commas are accepted. */
export function readConfigFile(folderUri: string): ConfigFile | undefined {
  let path: string;
  try {
    if (!folderUri.startsWith('file:')) return undefined;
    path = join(fileURLToPath(folderUri), CONFIG_FILE_NAME);
  } catch {
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { path, content: undefined, problems: [`cannot be read (${code ?? 'error'}).`] };
  }
  const errors: ParseError[] = [];
  const content: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length) {
    const first = errors[0];
    return { path, content: undefined, problems: [`is not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}); it is ignored.`] };
  }
  return { path, content, problems: [] };
}
