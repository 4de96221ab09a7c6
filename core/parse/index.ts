// Text -> syntax tree for either input format.
import type { AstNode } from './ast';
import { parseJson } from './json';
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
  const parsed = format === 'yaml' ? parseYaml(text) : parseJson(text);
  return { format, ...parsed };
}

/** The format a file name implies (`.yaml`/`.yml` -> YAML, everything else JSON). */
export function formatForPath(path: string): DocumentFormat {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

export type { SyntaxProblem } from './syntax-problem';
