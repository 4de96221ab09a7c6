// A text with NUL characters is a binary file opened as text (an editor's "open anyway", a file
// mis-decoded): one clear problem instead of a cascade of syntax errors about garbage.
import type { SyntaxProblem } from './syntax-problem';

/** The one problem of a text that holds a NUL character, or undefined. JSON and YAML both forbid NUL. */
export function notTextProblem(text: string): SyntaxProblem | undefined {
  const nul = text.indexOf('\u0000');
  return nul < 0 ? undefined : notText(`it contains NUL characters (the first at character ${nul})`);
}

/** The problem that says a document is not text at all, at the start of the document. */
export function notText(reason: string): SyntaxProblem {
  return { offset: 0, length: 0, message: reason, kind: 'notText' };
}
