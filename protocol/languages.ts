// Language ids and file patterns: the same ids as the AWS Toolkit, so both extensions can be
// installed together and agree on what an ASL document is.

/** Amazon States Language as JSON (`*.asl.json`). */
export const ASL_JSON = 'asl';
/** Amazon States Language as YAML (`*.asl.yaml`, `*.asl.yml`). */
export const ASL_YAML = 'asl-yaml';

/** Both ASL language ids (the client's document selector). */
export const ASL_LANGUAGE_IDS: readonly string[] = [ASL_JSON, ASL_YAML];

/** File names that are ASL by their extension alone. */
export const ASL_FILE_PATTERN = /\.asl\.(json|ya?ml)$/i;

/** The ASL language id for a plain JSON/YAML language id, or undefined. */
export function aslLanguageFor(languageId: string): string | undefined {
  if (languageId === 'json' || languageId === 'jsonc') return ASL_JSON;
  if (languageId === 'yaml') return ASL_YAML;
  return undefined;
}
