// Text -> syntax tree for either input format.
import type { AstNode } from './ast';
import { parseJsonInSteps } from './json';
import { notText, notTextProblem } from './not-text';
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
  // JSON forbids a NUL, so a clean JSON parse never holds one; YAML is checked always (the fast path reads plain scalars loosely).
  const notText = parsed.problems.length || format === 'yaml' ? notTextProblem(text) : undefined;
  return notText ? { format, root: undefined, problems: [notText] } : { format, ...parsed };
}

/** The parse of a document that is not text at all (`reason` from `decodeSource`). */
export function notTextDocument(reason: string, format: DocumentFormat): ParsedDocument {
  return { format, root: undefined, problems: [notText(reason)] };
}

/** The format a file name implies (`.yaml`/`.yml` -> YAML, everything else JSON). */
export function formatForPath(path: string): DocumentFormat {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

export type { SyntaxProblem } from './syntax-problem';
