// Text -> syntax tree for either input format.
import type { AstNode } from './ast';
import { parseJsonInSteps } from './json';
import { finish } from './steps';
import type { SyntaxProblem } from './syntax-problem';
import { parseYaml } from './yaml';

export type DocumentFormat = 'json' | 'yaml';

export interface ParsedDocument {
  format: DocumentFormat;
  root: AstNode | undefined;
  problems: SyntaxProblem[];
}

/** Parses ASL text; never throws for any input. */
export function parseDocument(text: string, format: DocumentFormat): ParsedDocument {
  return finish(parseDocumentInSteps(text, format));
}

/** The same parse in steps (JSON pauses between top-level states; YAML is parsed in one go). */
export function* parseDocumentInSteps(text: string, format: DocumentFormat): Generator<void, ParsedDocument> {
  const parsed = format === 'yaml' ? parseYaml(text) : yield* parseJsonInSteps(text);
  return { format, ...parsed };
}

/** The format a file name implies (`.yaml`/`.yml` -> YAML, everything else JSON). */
export function formatForPath(path: string): DocumentFormat {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

export type { SyntaxProblem } from './syntax-problem';
